package org.tokenbench.ui.internal.editors;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.tokenbench.core.Hex;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Certificates;
import org.tokenbench.ui.internal.views.Widgets;

/**
 * The certificates the device holds (reading them needs no PIN): subject, issuer, validity and fingerprint of each,
 * or why one cannot be read as X.509 (a broken certificate is shown, not hidden: the checklist explains it).
 */
final class CertificatesPage extends EditorPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

    /** One certificate as shown. */
    record Row(String container, String usage, String subject, String issuer, String validity, String fingerprint, String details) {
    }

    private TableViewer table;
    private Text details;

    @Override
    String title() {
        return Messages.page_certificates;
    }

    @Override
    String key() {
        return "certificates";
    }

    @Override
    void createContent(Composite parent) {
        GridLayoutFactory.fillDefaults().applyTo(parent);
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        table = Widgets.table(sash, SWT.SINGLE, "certificates.table");
        Widgets.<Row>textColumn(table, Messages.certificates_container, 140, Row::container);
        Widgets.<Row>textColumn(table, Messages.certificates_usage, 90, Row::usage);
        Widgets.<Row>textColumn(table, Messages.certificates_subject, 300, Row::subject);
        Widgets.<Row>textColumn(table, Messages.certificates_validity, 180, Row::validity);
        details = Widgets.id(new Text(sash, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL), "certificates.details");
        sash.setWeights(55, 45);
        table.addSelectionChangedListener(e -> details.setText(e.getStructuredSelection().isEmpty() ? ""
                : ((Row) e.getStructuredSelection().getFirstElement()).details()));
        commandButton(parent, Messages.certificates_refresh, "certificates.refresh", org.tokenbench.ui.internal.commands.TokenBenchCommands.REFRESH, this::refresh);
    }

    @Override
    void shown() {
        refresh();
    }

    private void refresh() {
        TableViewer shownIn = table;
        device.run(Messages.certificates_reading, (session, monitor) -> {
            List<Row> rows = session.feature(Certificates.class)
                    .orElseThrow(() -> new TokenException(EditorCodes.FEATURE_GONE, Messages.certificates_gone))
                    .certificates().stream().map(CertificatesPage::row).toList();
            Widgets.later(shownIn.getControl(), () -> {
                shownIn.setInput(rows);
                if (!rows.isEmpty()) {
                    shownIn.setSelection(new org.eclipse.jface.viewers.StructuredSelection(rows.get(0)), true);
                }
            });
            device.show(NLS.bind(Messages.certificates_read, rows.size()));
        });
    }

    /** Bouncy Castle's finder names RSA and ECDSA signatures but gives the Guomi one as its bare OID. */
    private static String algorithmName(AlgorithmIdentifier algorithm) {
        return GMObjectIdentifiers.sm2sign_with_sm3.equals(algorithm.getAlgorithm()) ? "SM3withSM2"
                : new DefaultAlgorithmNameFinder().getAlgorithmName(algorithm);
    }

    static Row row(Certificates.Entry entry) {
        byte[] der = entry.der();
        String fingerprint;
        try {
            fingerprint = Hex.format(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        String usage = entry.usage() == Certificates.Usage.SIGNING ? Messages.certificates_signing : Messages.certificates_encryption;
        try {
            // Bouncy Castle, not the JDK's CertificateFactory: a Guomi key's certificate is on the SM2 curve, which the
            // JDK cannot decode ("Unknown named curve: 1.2.156.10197.1.301"); showing it needs no key decoded at all.
            X509CertificateHolder certificate = new X509CertificateHolder(der);
            String subject = certificate.getSubject().toString();
            String issuer = certificate.getIssuer().toString();
            String validity = DAY.format(certificate.getNotBefore().toInstant()) + " – " + DAY.format(certificate.getNotAfter().toInstant());
            String algorithm = algorithmName(certificate.getSignatureAlgorithm());
            String text = NLS.bind(Messages.certificates_detailsText, new Object[] {subject, issuer, certificate.getSerialNumber().toString(16),
                    validity, algorithm, fingerprint});
            return new Row(entry.container(), usage, subject, issuer, validity, fingerprint, text);
        } catch (IOException | RuntimeException e) {
            String why = NLS.bind(Messages.certificates_unreadable, der.length, e.getMessage());
            return new Row(entry.container(), usage, why, "", "", fingerprint, why + "\nSHA-256 " + fingerprint);
        }
    }
}
