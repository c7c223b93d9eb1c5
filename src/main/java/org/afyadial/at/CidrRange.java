package org.afyadial.at;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 address range such as {@code 196.201.214.0/24}; a bare address is a range of one. */
record CidrRange(byte[] network, int prefixLength) {

    static CidrRange parse(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
        int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("Invalid prefix length in AT_ALLOWED_CIDRS entry " + cidr);
        }
        return new CidrRange(address, prefix);
    }

    boolean contains(String address) {
        byte[] candidate;
        try {
            candidate = literal(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = 0xFF << (8 - remainingBits) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** Parses an address literal without any DNS lookup (names are refused). */
    private static byte[] literal(String text) {
        String address = text.strip();
        if (address.isEmpty() || !address.matches("[0-9a-fA-F:.\\[\\]%]+")) {
            throw new IllegalArgumentException("Not an IP address: " + text);
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP address: " + text, e);
        }
    }
}
