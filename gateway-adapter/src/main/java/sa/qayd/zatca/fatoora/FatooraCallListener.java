package sa.qayd.zatca.fatoora;

/**
 * Told about every call a {@link FatooraClient} finishes, on the calling thread: for metrics and logs, so the
 * client stays free of any monitoring library. Must be quick and must not throw.
 */
@FunctionalInterface
public interface FatooraCallListener {

    FatooraCallListener NONE = call -> {
    };

    void completed(FatooraCall call);
}
