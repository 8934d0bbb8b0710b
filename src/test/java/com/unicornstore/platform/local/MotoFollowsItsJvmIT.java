package com.unicornstore.platform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.support.ForkedApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A moto child never outlives the JVM that started it, even when that JVM is killed with kill -9. */
class MotoFollowsItsJvmIT {

    private static final Pattern STARTED = Pattern.compile("moto pid (\\d+) on port (\\d+)");

    @Test
    void a_moto_child_ends_when_its_jvm_is_killed_hard() throws Exception {
        Path output = Path.of("target", "moto-follows-jvm.log");
        long motoPid;
        try (ForkedApplication jvm = ForkedApplication.start(StartsMoto.class, output,
                List.of("--moto-executable=" + System.getProperty("unicorn.local.moto.executable")))) {
            jvm.awaitOutput("moto pid ", Duration.ofSeconds(60));
            Matcher started = STARTED.matcher(Files.readString(output));
            assertThat(started.find()).isTrue();
            motoPid = Long.parseLong(started.group(1));
            assertThat(ProcessHandle.of(motoPid).map(ProcessHandle::isAlive)).contains(true);

            jvm.killHard();
        }
        await("moto " + motoPid + " ending after its JVM was killed").atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(motoPid).filter(ProcessHandle::isAlive).isEmpty());
        assertThat(ProcessHandle.of(motoPid).filter(ProcessHandle::isAlive)).isEqualTo(Optional.empty());
    }

    /** The forked JVM: starts moto the way the local profile does, says where, and waits to be killed. */
    public static final class StartsMoto {
        public static void main(String[] arguments) throws InterruptedException {
            Path executable = Path.of(java.util.Arrays.stream(arguments).filter(a -> a.startsWith("--moto-executable="))
                    .map(a -> a.substring("--moto-executable=".length())).findFirst().orElseThrow());
            MotoServer moto = MotoServer.start(executable, "127.0.0.1", FreePort.pick("127.0.0.1", 0), Duration.ofSeconds(60));
            System.out.println("moto pid " + moto.pid() + " on port " + moto.port());
            Thread.currentThread().join();
        }
    }
}
