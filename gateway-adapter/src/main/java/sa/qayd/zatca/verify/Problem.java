package sa.qayd.zatca.verify;

/** One thing wrong with a document: a stable code and a human-readable detail. */
public record Problem(ProblemCode code, String detail) {

    @Override
    public String toString() {
        return code + ": " + detail;
    }
}
