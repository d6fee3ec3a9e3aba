package org.tokenbench.driver.guomi;

import org.tokenbench.core.driver.Connection;

/** A key reached through a vendor's SKF library: the transport Guomi drivers consume. */
public final class SkfConnection implements Connection {

    private final SkfLibrary library;
    private final SkfLibrary.KeyName key;

    public SkfConnection(SkfLibrary library, SkfLibrary.KeyName key) {
        this.library = library;
        this.key = key;
    }

    public SkfLibrary library() {
        return library;
    }

    public SkfLibrary.KeyName key() {
        return key;
    }

    @Override
    public String location() {
        return library.path() + ": " + key.display();
    }

    /** Nothing to release: sessions connect and disconnect the device themselves. */
    @Override
    public void close() {
    }
}
