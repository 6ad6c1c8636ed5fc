package vn.cnscd.portal.notification;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.account.Recipient;

/**
 * E-mail through the deployment's SMTP server, for users who gave an address and chose e-mail. Spring Boot makes
 * the mail sender only where {@code spring.mail.host} is set: without it this channel is off.
 */
@Component
class EmailChannel implements Channel {

	static final String PREFIX = "email:";

	private final JavaMailSender mail;

	private final NotificationProperties properties;

	private final MessageSource messages;

	EmailChannel(ObjectProvider<JavaMailSender> mail, NotificationProperties properties, MessageSource messages) {
		this.mail = mail.getIfAvailable();
		this.properties = properties;
		this.messages = messages;
	}

	@Override
	public DeliveryChannel type() {
		return DeliveryChannel.EMAIL;
	}

	@Override
	public boolean configured() {
		return mail != null && properties.mail().from() != null && !properties.mail().from().isBlank();
	}

	@Override
	public List<String> targets(Recipient recipient, Preference preference,
			List<Preferences.PushSubscription> browsers) {
		return preference.emailEnabled() && preference.email() != null ? List.of(PREFIX + preference.email())
				: List.of();
	}

	@Override
	public void send(Outgoing message, String target) throws DeliveryFailure {
		SimpleMailMessage email = new SimpleMailMessage();
		email.setFrom(properties.mail().from());
		email.setTo(target.substring(PREFIX.length()));
		email.setSubject(message.title() + ": " + NotificationText.shortened(message.text()));
		email.setText(message.text() + "\n\n" + message.url() + "\n\n-- \n" + messages.getMessage("notification.email.footer",
				new Object[] { properties.absolute("/account/notifications") }, message.recipient().language()));
		try {
			mail.send(email);
		}
		catch (MailException failed) {
			throw new DeliveryFailure("SMTP", failed);
		}
	}

}
