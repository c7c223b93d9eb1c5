package org.afyadial.ussd;

/** One thing wrong in the menus, named by file and state so a translator can find it. */
record MenuProblem(String file, String state, String problem) {

    @Override
    public String toString() {
        return file + (state == null ? "" : " [" + state + "]") + ": " + problem;
    }
}
