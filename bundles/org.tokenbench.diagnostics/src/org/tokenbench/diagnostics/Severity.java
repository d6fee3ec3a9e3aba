package org.tokenbench.diagnostics;

/** How bad a reported condition is, as the Problems view ranks it. */
public enum Severity {
    INFO, WARNING, ERROR
}
