package dev.voltage.session.it.scopes;

/** A JSON-B class with a no-argument constructor, getters and setters, as older code writes them. */
public class Profile {

    private String displayName;
    private String locale;

    public Profile() {}

    public Profile(String displayName, String locale) {
        this.displayName = displayName;
        this.locale = locale;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }
}
