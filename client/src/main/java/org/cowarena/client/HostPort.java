package org.cowarena.client;

/** {@code HOST[:PORT]} as {@code --connect} takes it; an IPv6 address goes in brackets. */
public record HostPort(String host, int port) {
    public static HostPort parse(String text, int defaultPort) {
        String host = text.strip();
        int port = defaultPort;
        int colon = host.lastIndexOf(':');
        boolean bracketed = host.startsWith("[");
        if (colon > 0 && (!bracketed || host.lastIndexOf(']') < colon) && host.indexOf(':') == colon
                || bracketed && colon > host.lastIndexOf(']')) {
            String p = host.substring(colon + 1);
            if (!p.matches("[0-9]{1,5}") || Integer.parseInt(p) < 1 || Integer.parseInt(p) > 65535) {
                throw new IllegalArgumentException("the port must be a number from 1 to 65535");
            }
            port = Integer.parseInt(p);
            host = host.substring(0, colon);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("name a host");
        }
        return new HostPort(host, port);
    }
}
