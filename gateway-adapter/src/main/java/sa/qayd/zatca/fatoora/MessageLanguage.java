package sa.qayd.zatca.fatoora;

/** Language ZATCA writes validation messages in ({@code Accept-Language}). */
public enum MessageLanguage {
    EN("en"),
    AR("ar");

    private final String tag;

    MessageLanguage(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
