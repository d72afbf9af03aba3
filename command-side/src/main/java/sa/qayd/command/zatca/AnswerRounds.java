package sa.qayd.command.zatca;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import sa.qayd.platform.batch.GroupCommit;

/**
 * Records ZATCA's answers several at a time. Each answer is a command to its own aggregate; sent one
 * by one, each is a transaction and a durable commit of its own, and with a lane of calls in flight
 * the commits, not ZATCA, would set the pace. So answers that arrive while a round is being recorded
 * wait together ({@link GroupCommit}), and the next round dispatches them all in one unit of work:
 * one transaction, one commit. A round in which any command fails is rolled back whole, and each of
 * its commands is then sent again on its own (through the gateway, which retries lost races), so one
 * answer's failure stays that answer's. Each lane runs a few rounds side by side, so that recording
 * never becomes one thread's work while issuing competes for the CPU; an aggregate's answers always
 * go to the same round, so two rounds never wait for each other's aggregate locks. A round runs on
 * the thread of one of its callers, so a command that belongs to a trace names it in its metadata.
 */
@Component
public class AnswerRounds {
    private static final Logger log = LoggerFactory.getLogger(AnswerRounds.class);

    private final CommandBus bus;
    private final CommandGateway gateway;
    private final TransactionManager transactions;
    /** Per lane, rounds that run side by side; an aggregate's answers always go to the same one. */
    private final Map<WorkKind.Lane, List<GroupCommit<CommandMessage<?>, Recorded>>> rounds = new EnumMap<>(WorkKind.Lane.class);
    private final RoutingStrategy aggregates = AnnotationRoutingStrategy.defaultStrategy();

    AnswerRounds(CommandBus bus, CommandGateway gateway, TransactionManager transactions, ZatcaWorkSettings settings) {
        this.bus = bus;
        this.gateway = gateway;
        this.transactions = transactions;
        for (WorkKind.Lane lane : WorkKind.Lane.values()) {
            rounds.put(lane, Stream.generate(() -> new GroupCommit<>(this::record, settings.answersPerCommit()))
                    .limit(settings.answerRounds()).toList());
        }
    }

    /**
     * Sends the command in this or a coming round of its lane's answers (a clearance's answer never
     * waits for a round of reports); answers its handler's result once it is committed.
     */
    @SuppressWarnings("unchecked")
    public <R> R send(WorkKind.Lane lane, CommandMessage<?> command) {
        List<GroupCommit<CommandMessage<?>, Recorded>> side = rounds.get(lane);
        Recorded recorded = side.get(Math.floorMod(aggregates.getRoutingKey(command).hashCode(), side.size())).submit(command);
        if (recorded.failure() != null) {
            throw recorded.failure();
        }
        return (R) recorded.result();
    }

    /** One round: each command's result or failure, in order. */
    List<Recorded> record(List<CommandMessage<?>> commands) {
        if (commands.size() > 1) {
            try {
                return inOneUnitOfWork(commands);
            } catch (RuntimeException failed) {
                log.debug("a round of {} ZATCA answers was rolled back, each is recorded on its own: {}",
                        commands.size(), failed.toString());
            }
        }
        return commands.stream().map(this::alone).toList();
    }

    private Recorded alone(CommandMessage<?> command) {
        try {
            return new Recorded(gateway.sendAndWait(command), null);
        } catch (RuntimeException failed) {
            return new Recorded(null, failed);
        }
    }

    /**
     * Each command runs in a unit of work nested in the round's: its events join the round's, which
     * appends and publishes them, runs the subscribing handlers and commits once, at the end.
     */
    private List<Recorded> inOneUnitOfWork(List<CommandMessage<?>> commands) {
        UnitOfWork<?> round = DefaultUnitOfWork.startAndGet(null);
        try {
            round.attachTransaction(transactions);
            List<Recorded> recorded = new ArrayList<>(commands.size());
            for (CommandMessage<?> command : commands) {
                FutureCallback<Object, Object> callback = new FutureCallback<>();
                bus.dispatch(command, callback);
                CommandResultMessage<?> result = callback.getResult();
                if (result.isExceptional()) {
                    throw new RoundAbandoned(result.exceptionResult());
                }
                recorded.add(new Recorded(result.getPayload(), null));
            }
            round.commit();
            return recorded;
        } catch (RuntimeException | Error failed) {
            if (round.isActive()) {
                round.rollback(failed);
            }
            throw failed;
        }
    }

    /** A handler's result, or why it failed. */
    record Recorded(Object result, RuntimeException failure) {
    }

    /** A command of the round failed: the round is rolled back and its commands go one by one. */
    private static final class RoundAbandoned extends RuntimeException {
        RoundAbandoned(Throwable cause) {
            super(cause);
        }
    }
}
