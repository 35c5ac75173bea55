package dev.sereno.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnDemandTest {
    @Test
    void isMadeOnceWhenManyThreadsAskAtOnceAndEachGetsTheSameValue() throws Exception {
        AtomicInteger makings = new AtomicInteger();
        CountDownLatch asked = new CountDownLatch(1);
        OnDemand<Object> value = new OnDemand<>(() -> {
            makings.incrementAndGet();
            try {
                asked.await(5, TimeUnit.SECONDS); // the others ask meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Object();
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                got.add(pool.submit(value::get));
            }
            asked.countDown();
            Object first = got.get(0).get(5, TimeUnit.SECONDS);
            for (Future<Object> f : got) {
                assertThat(f.get(5, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(makings).hasValue(1);
        assertThat(value.made()).isTrue();
    }

    @Test
    void makingItAheadMeansAskingDoesNotMakeItAgain() {
        AtomicInteger makings = new AtomicInteger();
        OnDemand<Integer> value = new OnDemand<>(makings::incrementAndGet);
        assertThat(value.made()).isFalse();
        value.make();
        value.make();
        assertThat(value.get()).isEqualTo(1);
        assertThat(makings).hasValue(1);
    }

    @Test
    void whatTheMakingThrewIsThrownToEveryoneWhoAsks() {
        AtomicInteger makings = new AtomicInteger();
        OnDemand<String> value = new OnDemand<>(() -> {
            makings.incrementAndGet();
            throw new IllegalStateException("the es lists are invalid");
        });
        assertThatThrownBy(value::get).isInstanceOf(IllegalStateException.class).hasMessage("the es lists are invalid");
        assertThatThrownBy(value::get).isInstanceOf(IllegalStateException.class).hasMessage("the es lists are invalid");
        assertThat(makings).hasValue(1);
        assertThat(value.made()).isTrue();
    }

    @Test
    void aValueAlreadyMadeIsReturnedAsIs() {
        OnDemand<String> value = OnDemand.of("ready");
        assertThat(value.made()).isTrue();
        assertThat(value.get()).isEqualTo("ready");
    }
}
