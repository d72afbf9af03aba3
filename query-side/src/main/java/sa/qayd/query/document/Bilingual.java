package sa.qayd.query.document;

/** A caption printed in English and Arabic, as Saudi tax documents are read in either language. */
record Bilingual(String english, String arabic) {

    /** Both on one line, English first, as table cells show them. */
    String inline() {
        return english + " · " + arabic;
    }
}
