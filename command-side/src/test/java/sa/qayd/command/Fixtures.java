package sa.qayd.command;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;

/** Fixture set-up shared by the aggregate tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** Matches a {@link QaydException} with the given code, as {@code expectException} wants it. */
    public static Matcher<Object> refusal(ErrorCode code) {
        return new CustomTypeSafeMatcher<>("a refusal with code " + code) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof QaydException refusal && refusal.code() == code;
            }
        };
    }

    /**
     * A fixture whose aggregate may create aggregates of other types ({@code createNew}). The
     * fixture only records the tested aggregate's own events, so the spawned ones go to a separate
     * in-memory store that the test can read.
     */
    public static final class Spawning<T> {
        public final AggregateTestFixture<T> fixture;
        private final InMemoryEventStorageEngine spawnedStorage = new InMemoryEventStorageEngine();

        public Spawning(Class<T> aggregateType) {
            fixture = new AggregateTestFixture<>(aggregateType);
            EmbeddedEventStore spawnedStore = EmbeddedEventStore.builder().storageEngine(spawnedStorage).build();
            fixture.registerRepositoryProvider(new RepositoryProvider() {
                @Override
                public <A> Repository<A> repositoryFor(Class<A> type) {
                    return EventSourcingRepository.builder(type).eventStore(spawnedStore).build();
                }
            });
        }

        public List<Object> spawnedEvents() {
            return spawnedStorage.readEvents(null, false).<Object>map(EventMessage::getPayload).toList();
        }
    }
}
