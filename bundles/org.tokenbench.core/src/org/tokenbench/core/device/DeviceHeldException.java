package org.tokenbench.core.device;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/**
 * Another program holds the device (PC/SC: {@code SCARD_E_SHARING_VIOLATION}). Transports throw it from
 * {@link DeviceTransport#connect} once their wait is over; the message says which program to close where the
 * transport can tell. The devices service then shows the device as unavailable and tries again later.
 */
public class DeviceHeldException extends TokenException {

    private static final long serialVersionUID = 1L;

    public DeviceHeldException(ErrorCode code, String message) {
        super(code, message);
    }
}
