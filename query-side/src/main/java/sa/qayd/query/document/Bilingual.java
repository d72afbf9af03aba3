package sa.qayd.query.document;

/** A caption printed in English and Arabic, as Saudi tax documents are read in either language. */
record Bilingual(String english, String arabic) {
}
