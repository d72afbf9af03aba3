package sa.qayd.command.zatca;

/**
 * What the ZATCA worker does for one row of {@code zatca_work}. Clearance and everything on a unit's way
 * to (or renewal of) its certificate go in the urgent lane, where somebody waits; reporting in the
 * background lane, so a backlog of reports never delays a clearance.
 */
public enum WorkKind {
    CLEARANCE(Lane.URGENT),
    REPORTING(Lane.BACKGROUND),
    COMPLIANCE_CSID(Lane.URGENT),
    COMPLIANCE_CHECKS(Lane.URGENT),
    PRODUCTION_CSID(Lane.URGENT),
    RENEWAL(Lane.URGENT);

    private final Lane lane;

    WorkKind(Lane lane) {
        this.lane = lane;
    }

    public Lane lane() {
        return lane;
    }

    /** Documents go to ZATCA once per attempt; a unit's steps take several calls (compliance checks: up to six). */
    public boolean isDocument() {
        return this == CLEARANCE || this == REPORTING;
    }

    /** Lanes of the ZATCA worker; each has its own bound on calls in flight. */
    public enum Lane { URGENT, BACKGROUND }
}
