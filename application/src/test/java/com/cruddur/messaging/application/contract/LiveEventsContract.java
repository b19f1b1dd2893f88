package com.cruddur.messaging.application.contract;

import static com.cruddur.messaging.application.contract.ContractFixtures.at;
import static com.cruddur.messaging.application.contract.ContractFixtures.participant;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.live.LiveEvent;
import com.cruddur.messaging.application.port.LiveEvents;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** What every {@link LiveEvents} implementation must do. */
public abstract class LiveEventsContract {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A fresh fan-out; two calls of one test may be two instances of the service sharing the fan-out. */
    protected abstract LiveEvents liveEvents();

    private final Participant londo = participant("Londo Mollari");
    private final Participant vir = participant("Vir Cotto");
    private final Participant gkar = participant("G'Kar");

    @Test
    void aSubscriberOnceReadyReceivesItsUsersEventsInPublishingOrderAndNoOneElses() throws InterruptedException {
        LiveEvents events = liveEvents();
        List<LiveEvent> virs = new CopyOnWriteArrayList<>();
        List<LiveEvent> gkars = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(2);
        Disposable one = events.receive(vir.id(), ready::countDown).subscribe(virs::add);
        Disposable two = events.receive(gkar.id(), ready::countDown).subscribe(gkars::add);
        try {
            assertThat(ready.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("both subscriptions ready").isTrue();
            MessageGroupId group = new MessageGroupId(UUID.randomUUID());
            Message first = message(group, londo, "first", 1);
            InboxEntry row = new InboxEntry(vir.id(), group, londo, LastMessage.of(first));
            List<LiveEvent> published = new ArrayList<>();
            published.add(new LiveEvent.NewConversation(row, first));
            published.add(new LiveEvent.NewMessage(vir.id(), first));
            for (int i = 2; i <= 20; i++) {
                published.add(new LiveEvent.NewMessage(vir.id(), message(group, londo, "message " + i, i)));
            }
            published.add(new LiveEvent.NewMessage(londo.id(), first));
            for (LiveEvent event : published) {
                events.publish(event).block(WAIT);
            }

            eventually(() -> virs.size() >= published.size() - 1);
            assertThat(virs).containsExactlyElementsOf(published.subList(0, published.size() - 1));
            assertThat(gkars).isEmpty();
        } finally {
            one.dispose();
            two.dispose();
        }
    }

    @Test
    void anInstanceReceivesWhatAnotherPublishes() throws InterruptedException {
        LiveEvents receiving = liveEvents();
        LiveEvents publishing = liveEvents();
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Disposable stream = receiving.receive(vir.id(), ready::countDown).subscribe(received::add);
        try {
            assertThat(ready.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            LiveEvent event = new LiveEvent.NewMessage(vir.id(),
                    message(new MessageGroupId(UUID.randomUUID()), londo, "across", 1));
            publishing.publish(event).block(WAIT);

            eventually(() -> !received.isEmpty());
            assertThat(received).containsExactly(event);
        } finally {
            stream.dispose();
        }
    }

    @Test
    void aSubscriptionEndedByItsSubscriberTakesNothingMore() throws InterruptedException {
        LiveEvents events = liveEvents();
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        AtomicBoolean ready = new AtomicBoolean();
        CountDownLatch latch = new CountDownLatch(1);
        Disposable stream = events.receive(vir.id(), () -> {
            ready.set(true);
            latch.countDown();
        }).subscribe(received::add);
        assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        stream.dispose();

        events.publish(new LiveEvent.NewMessage(vir.id(),
                message(new MessageGroupId(UUID.randomUUID()), londo, "after", 1))).block(WAIT);
        List<LiveEvent> stillReceived = new CopyOnWriteArrayList<>();
        CountDownLatch again = new CountDownLatch(1);
        Disposable probe = events.receive(vir.id(), again::countDown).subscribe(stillReceived::add);
        try {
            assertThat(again.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            LiveEvent marker = new LiveEvent.NewMessage(vir.id(),
                    message(new MessageGroupId(UUID.randomUUID()), londo, "marker", 2));
            events.publish(marker).block(WAIT);
            eventually(() -> stillReceived.contains(marker));
            assertThat(received).isEmpty();
        } finally {
            probe.dispose();
        }
    }

    /**
     * Sends on several threads publish at once: an event published while another is still being delivered (its
     * stream still taking it) is neither refused nor lost, and arrives after it.
     */
    @Test
    void anEventPublishedWhileAnotherIsBeingDeliveredArrivesAfterIt() throws InterruptedException {
        LiveEvents events = liveEvents();
        MessageGroupId group = new MessageGroupId(UUID.randomUUID());
        LiveEvent first = new LiveEvent.NewMessage(vir.id(), message(group, londo, "first", 1));
        LiveEvent second = new LiveEvent.NewMessage(vir.id(), message(group, londo, "second", 2));
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        CountDownLatch secondPublished = new CountDownLatch(1);
        AtomicReference<Throwable> secondFailed = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        Disposable stream = events.receive(vir.id(), ready::countDown).subscribe(event -> {
            received.add(event);
            if (event.equals(first)) {
                // The first delivery is held until another thread's publish has returned.
                new Thread(() -> {
                    try {
                        events.publish(second).block(WAIT);
                    } catch (Throwable failure) {
                        secondFailed.set(failure);
                    }
                    secondPublished.countDown();
                }).start();
                try {
                    secondPublished.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try {
            assertThat(ready.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            events.publish(first).block(WAIT);

            assertThat(secondPublished.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("second publish returned").isTrue();
            assertThat(secondFailed.get()).as("second publish's failure").isNull();
            eventually(() -> received.size() >= 2);
            assertThat(received).containsExactly(first, second);
        } finally {
            stream.dispose();
        }
    }

    /** Waits for a condition (a fan-out may deliver on another thread), failing after {@link #WAIT}. */
    private static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within %s", WAIT).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static Message message(MessageGroupId group, Participant sender, String text, long second) {
        return new Message(new MessageId(UUID.randomUUID()), group, sender, text, at(second));
    }
}
