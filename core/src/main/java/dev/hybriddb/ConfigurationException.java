package dev.hybriddb;

/** Invalid or incomplete configuration; names the setting and the value (secrets masked). */
public class ConfigurationException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String setting, Object value, String reason) {
        super(setting, value, reason);
    }
}
