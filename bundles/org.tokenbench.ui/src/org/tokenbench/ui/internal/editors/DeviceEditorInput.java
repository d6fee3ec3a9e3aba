package org.tokenbench.ui.internal.editors;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * A device as an editor's input: its devices-service id ({@code pcsc:Virtual PCD 00 00}). Two inputs for one device are
 * equal, so opening a device twice brings its editor to the front. Not persisted: the device may be gone at next start.
 */
public final class DeviceEditorInput implements IEditorInput {

    private final String deviceId;
    private final String name;

    /** @param name what the editor's tab says (the reader or key name and the serial) */
    public DeviceEditorInput(String deviceId, String name) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.name = Objects.requireNonNull(name, "name");
    }

    public String deviceId() {
        return deviceId;
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return deviceId;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof DeviceEditorInput other && other.deviceId.equals(deviceId);
    }

    @Override
    public int hashCode() {
        return deviceId.hashCode();
    }
}
