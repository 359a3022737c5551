package dev.switchboard.config;

/** A configuration value is missing or wrong; the message tells the operator what to set. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
