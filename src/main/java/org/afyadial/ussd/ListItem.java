package org.afyadial.ussd;

/** One entry of a list produced by an action: the value saved when chosen and the label shown. */
public record ListItem(String value, String label) {
}
