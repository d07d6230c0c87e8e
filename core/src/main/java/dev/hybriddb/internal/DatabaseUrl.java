package dev.hybriddb.internal;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.HybridConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Parses {@code [jdbc:]postgres[ql]://[user[:password]@]host[:port][,host[:port]...][/db][?k=v&...]}. */
final class DatabaseUrl {
    private final String setting;
    private final String url;

    DatabaseUrl(String setting, String url) {
        this.setting = setting;
        this.url = url;
    }

    void applyTo(HybridConfig.Builder b) {
        if (url == null) {
            throw fail("is required");
        }
        String rest = stripScheme(url.trim());
        int q = rest.indexOf('?');
        String query = q < 0 ? "" : rest.substring(q + 1);
        String main = q < 0 ? rest : rest.substring(0, q);
        int slash = main.indexOf('/');
        String authority = slash < 0 ? main : main.substring(0, slash);
        if (slash >= 0 && slash + 1 < main.length()) {
            b.database(decode(main.substring(slash + 1)));
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo(authority.substring(0, at), b);
            authority = authority.substring(at + 1);
        }
        String[] hosts = authority.split(",", -1);
        hostPort(hosts[0], b);
        java.util.List<String> more = new java.util.ArrayList<>();
        for (int i = 1; i < hosts.length; i++) {
            more.add(additionalHost(hosts[i]));
        }
        b.additionalHosts(more);
        query(query, b);
    }

    private String stripScheme(String s) {
        for (String scheme : new String[] {"jdbc:postgresql://", "postgresql://", "postgres://"}) {
            if (s.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return s.substring(scheme.length());
            }
        }
        throw fail("must start with postgresql://, postgres:// or jdbc:postgresql://");
    }

    private void userInfo(String info, HybridConfig.Builder b) {
        int colon = info.indexOf(':');
        b.user(decode(colon < 0 ? info : info.substring(0, colon)));
        if (colon >= 0) {
            b.password(decode(info.substring(colon + 1)));
        }
    }

    private void hostPort(String hp, HybridConfig.Builder b) {
        if (hp.isEmpty()) {
            throw fail("has no host");
        }
        String host = hp;
        String port = null;
        if (hp.startsWith("[")) {
            int close = hp.indexOf(']');
            if (close < 0) {
                throw fail("has an unclosed IPv6 address");
            }
            host = hp.substring(1, close);
            port = hp.length() > close + 1 && hp.charAt(close + 1) == ':' ? hp.substring(close + 2) : null;
        } else if (hp.indexOf(':') >= 0) {
            host = hp.substring(0, hp.indexOf(':'));
            port = hp.substring(hp.indexOf(':') + 1);
        }
        b.host(host);
        if (port != null && !port.isEmpty()) {
            try {
                b.port(Integer.parseInt(port));
            } catch (NumberFormatException e) {
                throw fail("has a port that is not a number");
            }
        }
    }

    /** A further host of a multi-host URL as {@code host:port} (the port defaults to 5432, as pgjdbc's does). */
    private String additionalHost(String hp) {
        if (hp.isEmpty()) {
            throw fail("has an empty host in its host list");
        }
        boolean hasPort = hp.startsWith("[") ? hp.matches("\\[.*\\]:.*") : hp.indexOf(':') >= 0;
        if (hasPort && !hp.substring(hp.lastIndexOf(':') + 1).matches("[0-9]{1,5}")) {
            throw fail("has a port that is not a number");
        }
        return hasPort ? hp : hp + ":5432";
    }

    private void query(String query, HybridConfig.Builder b) {
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            switch (key) {
                case "sslmode" -> b.sslMode(value);
                case "ssl" -> b.sslMode(EnvironmentConfig.sslMode(value));
                case "user" -> b.user(value);
                case "password" -> b.password(value);
                default -> b.connectionProperty(key, value);
            }
        }
    }

    private String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw fail("has a bad %-escape");
        }
    }

    private ConfigurationException fail(String reason) {
        return new ConfigurationException(setting, masked(url), reason);
    }

    /** The URL with any password replaced by ****. */
    static String masked(String url) {
        return Redact.url(url);
    }
}
