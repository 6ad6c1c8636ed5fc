package vn.cnscd.portal.benchmark;

import java.lang.management.ManagementFactory;

/**
 * The live heap while it runs: every second a full collection, then the heap in use. A heap's peak says
 * nothing (any allocation raises it to the limit before a collection); this is what the portal held.
 */
final class LiveHeap implements AutoCloseable {

	private volatile boolean running = true;

	private long largest;

	private int samples;

	private final Thread sampler = new Thread(() -> {
		while (running) {
			System.gc();
			long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			synchronized (this) {
				largest = Math.max(largest, used);
				samples++;
			}
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException stopped) {
				return;
			}
		}
	}, "live-heap");

	LiveHeap() {
		sampler.setDaemon(true);
		sampler.start();
	}

	synchronized long largest() {
		return largest;
	}

	synchronized int samples() {
		return samples;
	}

	@Override
	public void close() throws InterruptedException {
		running = false;
		sampler.interrupt();
		sampler.join();
	}

}
