package vn.cnscd.portal.area;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies the planned reorganisations whose date has come: at start-up (an instance that was down at midnight)
 * and every night just after midnight in Asia/Ho_Chi_Minh. Several instances may run it at once: each
 * reorganisation is applied by the one that locks it.
 */
@Component
@Order(0)
class ReorganisationJob implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReorganisationJob.class);

	private final ReorganisationService reorganisations;

	ReorganisationJob(ReorganisationService reorganisations) {
		this.reorganisations = reorganisations;
	}

	@Override
	public void run(ApplicationArguments args) {
		applyDue();
	}

	@Scheduled(cron = "${portal.reorganisations.cron:0 5 0 * * *}", zone = "Asia/Ho_Chi_Minh")
	void applyDue() {
		int applied = reorganisations.applyDue();
		if (applied > 0) {
			log.info("Applied {} reorganisation(s) whose date has come", applied);
		}
	}

}
