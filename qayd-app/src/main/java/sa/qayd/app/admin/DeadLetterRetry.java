package sa.qayd.app.admin;

/** The result of one retry round: how many sequences were tried, how many went through, how many remain. */
record DeadLetterRetry(long tried, long succeeded, long remaining) {
}
