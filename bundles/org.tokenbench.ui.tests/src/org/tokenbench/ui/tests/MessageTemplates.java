package org.tokenbench.ui.tests;

import java.util.regex.Pattern;

/** Tests compare what a view shows with its NLS message, in whatever language the run uses, arguments unknown. */
final class MessageTemplates {

    private MessageTemplates() {
    }

    /** Whether {@code text} is {@code template} ({@code "Bound ({0} step off)"}) with any arguments in its {n} places. */
    static boolean matches(String template, String text) {
        StringBuilder regex = new StringBuilder();
        for (String literal : template.split("\\{[0-9]+\\}", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }
}
