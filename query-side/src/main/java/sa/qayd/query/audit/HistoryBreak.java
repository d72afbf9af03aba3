package sa.qayd.query.audit;

/** One place where an exported history does not hold together. {@code where} names the position (or line). */
public record HistoryBreak(String where, String subject, String problem) {

    @Override
    public String toString() {
        return where + (subject.isEmpty() ? "" : " (" + subject + ")") + ": " + problem;
    }
}
