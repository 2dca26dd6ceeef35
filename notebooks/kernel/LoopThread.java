package org.rapaio.jupyter.kernel.channels;

/**
 * neraca's replacement for the loop thread of rapaio-jupyter-kernel 3.0.1, put before the kernel's jar on the Java
 * kernel's class path by {@code .ci/notebooks}. The kernel's shell, control and heartbeat channels each poll their
 * socket on one of these threads. In 3.0.1 {@code start()} starts the thread and only then marks it running, and
 * {@code run()} loops while it is marked: a thread scheduled before the mark returns at once. When that thread was the
 * shell channel's, the kernel never answered a request, and nbconvert gave up with "Kernel didn't respond" (8 of 30
 * starts here on 1 Dec 2026, through nbconvert and jupyter_client; none of 60 with this class). This one is marked
 * running before it starts, as the kernel's later sources do. Same class, constructor and methods as 3.0.1's, so the
 * kernel's channels link against it unchanged.
 */
public final class LoopThread extends Thread {
    private volatile boolean running;
    private final long sleepMillis;
    private final Runnable body;

    public LoopThread(String name, long sleepMillis, Runnable body) {
        super(name);
        this.sleepMillis = sleepMillis;
        this.body = body;
    }

    @Override
    public void run() {
        while (running) {
            body.run();
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
