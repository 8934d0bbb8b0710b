package com.unicornstore.points.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Copies share the remembered commands until written: each side still changes on its own. */
class RecentCommandsTest {

    private static RecentCommand command(int n) {
        return new RecentCommand("c-" + n, n, "lot-" + n, n);
    }

    private static List<String> keys(RecentCommands recent) {
        return recent.list().stream().map(RecentCommand::key).toList();
    }

    @Test
    void a_copy_and_its_source_each_remember_on_their_own_in_either_order() {
        RecentCommands source = new RecentCommands(3, List.of(command(1), command(2), command(3)));
        RecentCommands copy = source.copy();

        copy.remember(command(4));
        assertThat(keys(copy)).containsExactly("c-2", "c-3", "c-4");
        assertThat(keys(source)).containsExactly("c-1", "c-2", "c-3");

        source.remember(command(5));
        assertThat(keys(source)).containsExactly("c-2", "c-3", "c-5");
        assertThat(keys(copy)).containsExactly("c-2", "c-3", "c-4");
        assertThat(source.find("c-4")).isEmpty();
        assertThat(copy.find("c-5")).isEmpty();
    }

    @Test
    void copies_of_copies_stay_apart_and_a_repeat_moves_to_the_newest_place() {
        RecentCommands first = new RecentCommands(4, IntStream.rangeClosed(1, 4).mapToObj(RecentCommandsTest::command).toList());
        RecentCommands second = first.copy();
        RecentCommands third = second.copy();

        third.remember(command(1));
        second.remember(command(9));

        assertThat(keys(first)).containsExactly("c-1", "c-2", "c-3", "c-4");
        assertThat(keys(second)).containsExactly("c-2", "c-3", "c-4", "c-9");
        assertThat(keys(third)).containsExactly("c-2", "c-3", "c-4", "c-1");
        assertThat(third.copy().find("c-1")).contains(command(1));
    }

    @Test
    void an_account_copy_keeps_its_lots_and_commands_apart_from_the_source() {
        PointsAccount source = PointsAccount.empty(AccountScenario.ACCOUNT);
        source.apply(AccountScenario.issued("before", 10, AccountScenario.T0));
        PointsAccount copy = source.copy();

        copy.apply(AccountScenario.issued("only-in-copy", 5, AccountScenario.T0.plusSeconds(60)));

        assertThat(copy.appliedCommand("c-only-in-copy")).isPresent();
        assertThat(source.appliedCommand("c-only-in-copy")).isEmpty();
        assertThat(source.appliedCommand("c-before")).isPresent();
        assertThat(copy.version()).isEqualTo(source.version() + 1);
        assertThat(copy.lots().stream().mapToLong(Lot::remaining).sum()).isEqualTo(15);
        assertThat(source.lots().stream().mapToLong(Lot::remaining).sum()).isEqualTo(10);
    }
}
