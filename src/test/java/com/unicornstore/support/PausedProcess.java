package com.unicornstore.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * A process stopped with {@code SIGSTOP}: it keeps its state and its sockets but answers nothing,
 * as a backend does in a long GC pause or a network partition. Closing it sends {@code SIGCONT},
 * so a failing test never leaves the shared backend frozen.
 */
public final class PausedProcess implements AutoCloseable {

    private final long pid;
    private boolean paused;

    private PausedProcess(long pid) {
        this.pid = pid;
    }

    public static PausedProcess pause(long pid) {
        PausedProcess process = new PausedProcess(pid);
        process.signal("-STOP");
        process.paused = true;
        return process;
    }

    /** Lets the process run again; closing does it too. */
    public void resume() {
        if (paused) {
            signal("-CONT");
            paused = false;
        }
    }

    @Override
    public void close() {
        resume();
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
