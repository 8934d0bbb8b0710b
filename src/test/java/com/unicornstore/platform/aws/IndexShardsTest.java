package com.unicornstore.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IndexShardsTest {

    @Test
    void a_rotation_of_one_shard_a_sweep_visits_every_shard_once_in_as_many_sweeps_as_there_are_shards() {
        IndexShards.Rotation rotation = new IndexShards.Rotation(8, 1);
        List<String> visited = new ArrayList<>();

        IntStream.range(0, 8).forEach(sweep -> visited.addAll(rotation.next()));

        assertThat(visited).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7");
        assertThat(rotation.next()).as("then the round starts again with the first shard").containsExactly(visited.get(0));
    }

    @Test
    void a_rotation_of_several_shards_a_sweep_takes_the_next_ones_in_turn_and_never_more_than_there_are() {
        IndexShards.Rotation rotation = new IndexShards.Rotation(8, 3);
        List<String> first = rotation.next();
        List<String> second = rotation.next();

        assertThat(first).hasSize(3).doesNotContainAnyElementsOf(second);
        assertThat(Integer.parseInt(second.get(0))).isEqualTo((Integer.parseInt(first.get(2)) + 1) % 8);
        assertThat(new IndexShards.Rotation(8, 20).next()).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7");
        assertThatThrownBy(() -> new IndexShards.Rotation(8, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instances_start_their_rotations_on_different_shards() {
        assertThat(IntStream.range(0, 50).mapToObj(i -> new IndexShards.Rotation(8, 1).next().get(0)).distinct().count())
                .isGreaterThan(1);
    }
}
