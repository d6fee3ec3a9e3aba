/*
 * softskf: a soft GM/T 0016 SKF library for TokenBench's tests (never shipped in the product).
 *
 * One USB key "device" whose state lives in a directory (SOFTSKF_HOME, or SOFTSKF_Configure()):
 * a label and serial, one application with user and admin PINs and retry counters, one ECC container
 * holding an SM2 signing key and its certificate, issued by a CA the library makes on first use.
 * All cryptography is OpenSSL 3's SM2/SM3. Faults are injected from the file "faults" in that
 * directory, re-read whenever it changes (see README-faults in this folder):
 *
 *   fail FUNC N CODE     the Nth call (1-based; * = every call) of FUNC returns CODE (hex)
 *   remove FUNC N        the key is pulled at the Nth call of FUNC: that call and all later ones
 *                        return SAR_DEVICE_REMOVED, and SKF_EnumDev lists nothing
 *   corrupt-cert         SKF_ExportCertificate returns damaged DER
 *   lie-length FUNC      FUNC reports more bytes than the caller's buffer holds
 *   no-terminator FUNC   FUNC's name list lacks its closing double NUL
 *   bad-bitlen           SKF_ExportPublicKey reports a 1024-bit key
 *   trace                every call is appended to the file "calls" in that directory as "FUNC N" (the
 *                        Nth call of FUNC under this plan), so a test can fail each call of a flow in turn
 *   unpacked-devinfo     SKF_GetDevInfo writes DEVINFO as a vendor header without #pragma pack(1) lays it out:
 *                        the ULONGs aligned to 4, 296 bytes instead of 294
 *
 * Plugging: while a file "unplugged" exists in that directory the key is out of its port: SKF_EnumDev lists
 * nothing and every call returns SAR_DEVICE_REMOVED. SKF_WaitForDevEvent reports each change of that state (and a
 * "remove" fault) against what SKF_EnumDev or the previous event last said, polling every 50 ms so a test can
 * plug and pull from outside; SKF_CancelWaitForDevEvent ends waits in progress. Built with -DSOFTSKF_NO_DEV_EVENTS
 * the library lacks both, as many vendors' libraries do.
 *
 * Locking: SKF_LockDev takes an flock on the file "lock" in that directory, waiting up to its timeout, so two
 * processes (or two copies of the library, which model two processes) cannot use the key at once; SKF_UnlockDev
 * and SKF_DisConnectDev release it.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <pthread.h>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

typedef uint32_t ULONG;
typedef int32_t BOOL;
typedef uint8_t BYTE;
typedef char CHAR;
typedef char *LPSTR;
typedef void *HANDLE;
typedef HANDLE DEVHANDLE;
typedef HANDLE HAPPLICATION;
typedef HANDLE HCONTAINER;

#define EXPORT __attribute__((visibility("default")))

#define SAR_OK 0x00000000u
#define SAR_FAIL 0x0A000001u
#define SAR_INVALIDHANDLEERR 0x0A000005u
#define SAR_INVALIDPARAMERR 0x0A000006u
#define SAR_FILEERR 0x0A000004u
#define SAR_INDATALENERR 0x0A000010u
#define SAR_HASHERR 0x0A000014u
#define SAR_BUFFER_TOO_SMALL 0x0A000020u
#define SAR_CERTNOTFOUNTERR 0x0A00001Cu
#define SAR_DEVICE_REMOVED 0x0A000023u
#define SAR_PIN_INCORRECT 0x0A000024u
#define SAR_PIN_LOCKED 0x0A000025u
#define SAR_PIN_LEN_RANGE 0x0A000027u
#define SAR_USER_TYPE_INVALID 0x0A00002Au
#define SAR_USER_NOT_LOGGED_IN 0x0A00002Du
#define SAR_APPLICATION_NOT_EXISTS 0x0A00002Eu
#define SAR_FILE_NOT_EXIST 0x0A000031u
#define SAR_NOT_EVENTERR 0x0A000022u

#define SGD_SM3 0x00000001u
#define ADMIN_TYPE 0
#define USER_TYPE 1

#pragma pack(push, 1)
typedef struct { BYTE major; BYTE minor; } VERSION;
typedef struct {
    VERSION Version;
    CHAR Manufacturer[64];
    CHAR Issuer[64];
    CHAR Label[32];
    CHAR SerialNumber[32];
    VERSION HWVersion;
    VERSION FirmwareVersion;
    ULONG AlgSymCap;
    ULONG AlgAsymCap;
    ULONG AlgHashCap;
    ULONG DevAuthAlgId;
    ULONG TotalSpace;
    ULONG FreeSpace;
    ULONG MaxECCBufferSize;
    ULONG MaxBufferSize;
    BYTE Reserved[64];
} DEVINFO;
typedef struct { ULONG BitLen; BYTE XCoordinate[64]; BYTE YCoordinate[64]; } ECCPUBLICKEYBLOB;
typedef struct { BYTE r[64]; BYTE s[64]; } ECCSIGNATUREBLOB;
#pragma pack(pop)
/* DEVINFO as compiled from a vendor header that forgot #pragma pack(1) (the "unpacked-devinfo" fault). */
typedef struct {
    VERSION Version;
    CHAR Manufacturer[64], Issuer[64], Label[32], SerialNumber[32];
    VERSION HWVersion, FirmwareVersion;
    ULONG AlgSymCap, AlgAsymCap, AlgHashCap, DevAuthAlgId, TotalSpace, FreeSpace, MaxECCBufferSize, MaxBufferSize;
    BYTE Reserved[64];
} DEVINFO_UNPACKED;

_Static_assert(sizeof(DEVINFO) == 294, "DEVINFO is 294 bytes packed");
_Static_assert(sizeof(ECCPUBLICKEYBLOB) == 132, "ECCPUBLICKEYBLOB is 132 bytes");
_Static_assert(sizeof(ECCSIGNATUREBLOB) == 128, "ECCSIGNATUREBLOB is 128 bytes");

#define DEVICE_NAME "SoftSKF USB Key 0"
#define MAGIC_DEV 0x44455631u
#define MAGIC_APP 0x41505031u
#define MAGIC_CON 0x434F4E31u
#define MAGIC_HASH 0x48534831u

/* ---- state ---- */

typedef struct {
    char label[32];
    char serial[32];
    char user_pin[17];
    char admin_pin[17];
    int user_max, user_remain, admin_max, admin_remain;
    char app[48];
    char container[48];
    int cert_valid_days;   /* negative: the certificate expired that many days ago */
} State;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char home[4096];
static State state;
static int state_loaded;
static EVP_PKEY *sign_key;
static unsigned char *sign_cert;
static int sign_cert_len;

struct device { ULONG magic; int connected; int lock_fd; };
struct application { ULONG magic; int logged_in[2]; };
struct container { ULONG magic; };
struct hash { ULONG magic; EVP_MD_CTX *ctx; };

static struct device the_device = { MAGIC_DEV, 0, -1 };
/* Presence as SKF_EnumDev or the last device event reported it (-1: not yet said); changes are events. */
static int known_present = -1;
static volatile int cancel_generation;
static struct application the_app = { MAGIC_APP, { 0, 0 } };
static struct container the_container = { MAGIC_CON };

/* ---- fault injection ---- */

#define MAX_RULES 32
#define MAX_COUNTERS 64
typedef struct { char kind[16]; char func[48]; long nth; ULONG code; } Rule;
static Rule rules[MAX_RULES];
static int rule_count;
static struct timespec faults_mtime;
static off_t faults_size;
static int faults_present;
static struct { char func[48]; long calls; } counters[MAX_COUNTERS];
static int counter_count;
static int removed;

static void path_of(char *out, size_t n, const char *file) {
    snprintf(out, n, "%s/%s", home, file);
}

static void ensure_home(void) {
    if (home[0]) return;
    const char *env = getenv("SOFTSKF_HOME");
    if (env && *env) {
        snprintf(home, sizeof home, "%s", env);
    } else {
        snprintf(home, sizeof home, "/tmp/softskf-%u", (unsigned) getuid());
    }
}

static void load_faults(void) {
    char path[4200];
    path_of(path, sizeof path, "faults");
    struct stat st;
    int present = stat(path, &st) == 0;
    if (present == faults_present && (!present || (st.st_mtim.tv_sec == faults_mtime.tv_sec
            && st.st_mtim.tv_nsec == faults_mtime.tv_nsec && st.st_size == faults_size))) {
        return;
    }
    /* A new fault plan: counting starts again and the key is back in its port. */
    faults_present = present;
    rule_count = 0;
    counter_count = 0;
    removed = 0;
    if (!present) return;
    faults_mtime = st.st_mtim;
    faults_size = st.st_size;
    FILE *f = fopen(path, "r");
    if (!f) return;
    char line[256];
    while (rule_count < MAX_RULES && fgets(line, sizeof line, f)) {
        Rule r;
        memset(&r, 0, sizeof r);
        char nth[24] = "", code[24] = "";
        int n = sscanf(line, "%15s %47s %23s %23s", r.kind, r.func, nth, code);
        if (n < 1 || r.kind[0] == '#') continue;
        r.nth = strcmp(nth, "*") == 0 ? -1 : atol(nth);
        r.code = (ULONG) strtoul(code, NULL, 16);
        rules[rule_count++] = r;
    }
    fclose(f);
}

static long count_call(const char *func) {
    for (int i = 0; i < counter_count; i++) {
        if (strcmp(counters[i].func, func) == 0) return ++counters[i].calls;
    }
    if (counter_count < MAX_COUNTERS) {
        snprintf(counters[counter_count].func, sizeof counters[counter_count].func, "%s", func);
        counters[counter_count].calls = 1;
        counter_count++;
    }
    return 1;
}

static int has_rule(const char *kind, const char *func) {
    for (int i = 0; i < rule_count; i++) {
        if (strcmp(rules[i].kind, kind) == 0 && (func == NULL || strcmp(rules[i].func, func) == 0)) return 1;
    }
    return 0;
}

static int unplugged(void) {
    char path[4200];
    path_of(path, sizeof path, "unplugged");
    return access(path, F_OK) == 0;
}

/* The key is in its port: not unplugged by the test, not pulled by a "remove" fault. */
static int present_now(void) {
    return !unplugged() && !removed && !has_rule("remove", "now");
}

/* Counts the call and applies "remove" and "fail" rules; returns SAR_OK to proceed. */
static ULONG enter(const char *func) {
    ensure_home();
    load_faults();
    if (unplugged()) return SAR_DEVICE_REMOVED;
    long call = count_call(func);
    if (has_rule("trace", NULL)) {
        char path[4200];
        path_of(path, sizeof path, "calls");
        FILE *f = fopen(path, "a");
        if (f) {
            fprintf(f, "%s %ld\n", func, call);
            fclose(f);
        }
    }
    for (int i = 0; i < rule_count; i++) {
        Rule *r = &rules[i];
        if (strcmp(r->kind, "remove") == 0 && strcmp(r->func, func) == 0 && call >= r->nth) removed = 1;
    }
    if (removed) return SAR_DEVICE_REMOVED;
    for (int i = 0; i < rule_count; i++) {
        Rule *r = &rules[i];
        if (strcmp(r->kind, "fail") == 0 && strcmp(r->func, func) == 0 && (r->nth < 0 || r->nth == call)) return r->code;
    }
    return SAR_OK;
}

/* ---- state file and key material ---- */

static void save_state(void) {
    char path[4200], tmp[4300];
    path_of(path, sizeof path, "state");
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) return;
    fprintf(f, "label=%s\nserial=%s\nuser_pin=%s\nadmin_pin=%s\nuser_max=%d\nuser_remain=%d\nadmin_max=%d\nadmin_remain=%d\n"
               "app=%s\ncontainer=%s\ncert_valid_days=%d\n",
            state.label, state.serial, state.user_pin, state.admin_pin, state.user_max, state.user_remain,
            state.admin_max, state.admin_remain, state.app, state.container, state.cert_valid_days);
    fclose(f);
    rename(tmp, path);
}

static void defaults(void) {
    memset(&state, 0, sizeof state);
    snprintf(state.label, sizeof state.label, "SoftSKF Test Key");
    unsigned char r[4];
    RAND_bytes(r, sizeof r);
    snprintf(state.serial, sizeof state.serial, "SOFT%02X%02X%02X%02X", r[0], r[1], r[2], r[3]);
    snprintf(state.user_pin, sizeof state.user_pin, "12345678");
    snprintf(state.admin_pin, sizeof state.admin_pin, "88888888");
    state.user_max = state.user_remain = 6;
    state.admin_max = state.admin_remain = 10;
    snprintf(state.app, sizeof state.app, "TokenBenchApp");
    snprintf(state.container, sizeof state.container, "SM2SignContainer");
    state.cert_valid_days = 365;
}

/* Reads key=value lines over the defaults, so a test may write only what it changes. */
static int read_state(void) {
    char path[4200];
    path_of(path, sizeof path, "state");
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        char *eq = strchr(line, '=');
        if (!eq) continue;
        *eq = 0;
        const char *k = line, *v = eq + 1;
        if (!strcmp(k, "label")) snprintf(state.label, sizeof state.label, "%s", v);
        else if (!strcmp(k, "serial")) snprintf(state.serial, sizeof state.serial, "%s", v);
        else if (!strcmp(k, "user_pin")) snprintf(state.user_pin, sizeof state.user_pin, "%s", v);
        else if (!strcmp(k, "admin_pin")) snprintf(state.admin_pin, sizeof state.admin_pin, "%s", v);
        else if (!strcmp(k, "user_max")) state.user_max = atoi(v);
        else if (!strcmp(k, "user_remain")) state.user_remain = atoi(v);
        else if (!strcmp(k, "admin_max")) state.admin_max = atoi(v);
        else if (!strcmp(k, "admin_remain")) state.admin_remain = atoi(v);
        else if (!strcmp(k, "app")) snprintf(state.app, sizeof state.app, "%s", v);
        else if (!strcmp(k, "container")) snprintf(state.container, sizeof state.container, "%s", v);
        else if (!strcmp(k, "cert_valid_days")) state.cert_valid_days = atoi(v);
    }
    fclose(f);
    return 1;
}

static EVP_PKEY *new_sm2_key(void) {
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "SM2", NULL);
    EVP_PKEY *key = NULL;
    if (ctx && EVP_PKEY_keygen_init(ctx) > 0) EVP_PKEY_keygen(ctx, &key);
    EVP_PKEY_CTX_free(ctx);
    return key;
}

static int add_ext(X509 *cert, X509 *issuer, int nid, const char *value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, NULL, NULL, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(NULL, &ctx, nid, value);
    if (!ext) return 0;
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    return 1;
}

/* An X.509 certificate signed with SM2/SM3 and the standard distinguishing ID. */
static X509 *make_cert(EVP_PKEY *subject_key, const char *cn, X509 *issuer, EVP_PKEY *issuer_key, long not_before_days,
        long not_after_days, int ca) {
    X509 *cert = X509_new();
    X509_set_version(cert, 2);
    unsigned char serial[8];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7F;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, NULL);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert), not_before_days * 86400L);
    X509_gmtime_adj(X509_getm_notAfter(cert), not_after_days * 86400L);
    X509_NAME *name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC, (const unsigned char *) "CN", -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, (const unsigned char *) "TokenBench Test", -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *) cn, -1, -1, 0);
    X509_set_issuer_name(cert, issuer ? X509_get_subject_name(issuer) : name);
    X509_set_pubkey(cert, subject_key);
    add_ext(cert, issuer ? issuer : cert, NID_basic_constraints, ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
    add_ext(cert, issuer ? issuer : cert, NID_key_usage, ca ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature,nonRepudiation");
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = NULL;
    int ok = EVP_DigestSignInit_ex(md, &pctx, "SM3", NULL, NULL, issuer_key, NULL) > 0
            && EVP_PKEY_CTX_set1_id(pctx, "1234567812345678", 16) > 0
            && X509_sign_ctx(cert, md) > 0;
    EVP_MD_CTX_free(md);
    if (!ok) {
        X509_free(cert);
        return NULL;
    }
    return cert;
}

static int write_der(const char *file, X509 *cert) {
    char path[4200];
    path_of(path, sizeof path, file);
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    int ok = i2d_X509_fp(f, cert);
    fclose(f);
    return ok;
}

static int write_key(const char *file, EVP_PKEY *key) {
    char path[4200];
    path_of(path, sizeof path, file);
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    int ok = PEM_write_PrivateKey(f, key, NULL, NULL, 0, NULL, NULL);
    fclose(f);
    return ok;
}

/* First use: a CA, a key and its certificate, and the state file. */
static int provision(void) {
    EVP_PKEY *ca_key = new_sm2_key();
    EVP_PKEY *key = new_sm2_key();
    if (!ca_key || !key) return 0;
    X509 *ca = make_cert(ca_key, "SoftSKF Test CA", NULL, ca_key, -30, 3650, 1);
    long not_before = state.cert_valid_days < 0 ? state.cert_valid_days - 30 : -1;
    X509 *cert = ca ? make_cert(key, state.label, ca, ca_key, not_before, state.cert_valid_days, 0) : NULL;
    int ok = cert && write_der("ca.crt", ca) && write_key("ca.key", ca_key) && write_der("sign.crt", cert) && write_key("sign.key", key);
    X509_free(ca);
    X509_free(cert);
    EVP_PKEY_free(ca_key);
    EVP_PKEY_free(key);
    if (ok) save_state();
    return ok;
}

static int load_material(void) {
    char path[4200];
    path_of(path, sizeof path, "sign.key");
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    EVP_PKEY_free(sign_key);
    sign_key = PEM_read_PrivateKey(f, NULL, NULL, NULL);
    fclose(f);
    path_of(path, sizeof path, "sign.crt");
    f = fopen(path, "rb");
    if (!f) return 0;
    free(sign_cert);
    sign_cert = malloc(65536);
    sign_cert_len = (int) fread(sign_cert, 1, 65536, f);
    fclose(f);
    return sign_key != NULL && sign_cert_len > 0;
}

/* Loads (or on first use creates) the device; SAR_FILEERR when the state directory is unusable. */
static ULONG device_ready(void) {
    if (state_loaded) return SAR_OK;
    mkdir(home, 0700);
    defaults();
    int existing = read_state();
    char path[4200];
    path_of(path, sizeof path, "sign.key");
    if ((!existing || access(path, R_OK) != 0) && !provision()) return SAR_FILEERR;
    if (!load_material()) return SAR_FILEERR;
    state_loaded = 1;
    return SAR_OK;
}

/* ---- helpers ---- */

/* Writes a double-NUL-terminated name list, honouring "lie-length" and "no-terminator" faults. */
static ULONG name_list(const char *func, const char *name, LPSTR out, ULONG *size) {
    if (!size) return SAR_INVALIDPARAMERR;
    ULONG need = (ULONG) strlen(name) + 2;
    int unterminated = has_rule("no-terminator", func);
    if (!out) {
        *size = has_rule("lie-length", func) ? need + 64 : need;
        return SAR_OK;
    }
    if (*size < need) {
        *size = need;
        return SAR_BUFFER_TOO_SMALL;
    }
    if (unterminated) {
        memset(out, 'A', *size);  /* names run to the end of the buffer: no terminator at all */
        memcpy(out, name, strlen(name));
        return SAR_OK;
    }
    memcpy(out, name, strlen(name) + 1);
    out[need - 1] = 0;
    *size = has_rule("lie-length", func) ? *size + 64 : need;
    return SAR_OK;
}

static int is_dev(DEVHANDLE h) { return h == &the_device && the_device.connected; }
static int is_app(HAPPLICATION h) { return h == &the_app; }
static int is_con(HCONTAINER h) { return h == &the_container; }

#define ENTER(name) \
    pthread_mutex_lock(&lock); \
    ULONG rv_ = enter(name); \
    if (rv_ == SAR_OK) rv_ = device_ready(); \
    if (rv_ != SAR_OK) { pthread_mutex_unlock(&lock); return rv_; }
#define LEAVE(code) do { ULONG c_ = (code); pthread_mutex_unlock(&lock); return c_; } while (0)

/* ---- the SKF API ---- */

EXPORT ULONG SOFTSKF_Configure(const char *directory) {
    pthread_mutex_lock(&lock);
    snprintf(home, sizeof home, "%s", directory);
    state_loaded = 0;
    faults_present = -1;
    the_device.connected = 0;
    the_app.logged_in[0] = the_app.logged_in[1] = 0;
    known_present = -1;
    pthread_mutex_unlock(&lock);
    return SAR_OK;
}

static void release_lock(void) {
    if (the_device.lock_fd >= 0) {
        close(the_device.lock_fd);  /* closing the descriptor releases its flock */
        the_device.lock_fd = -1;
    }
}

EXPORT ULONG SKF_EnumDev(BOOL bPresent, LPSTR szNameList, ULONG *pulSize) {
    (void) bPresent;
    pthread_mutex_lock(&lock);
    ULONG rv = enter("SKF_EnumDev");
    known_present = present_now();
    if (rv == SAR_DEVICE_REMOVED) {  /* a pulled key is simply not listed */
        if (pulSize) {
            if (szNameList && *pulSize >= 2) szNameList[0] = szNameList[1] = 0;
            *pulSize = 2;
        }
        LEAVE(SAR_OK);
    }
    if (rv != SAR_OK) LEAVE(rv);
    LEAVE(name_list("SKF_EnumDev", DEVICE_NAME, szNameList, pulSize));
}

EXPORT ULONG SKF_ConnectDev(LPSTR szName, DEVHANDLE *phDev) {
    ENTER("SKF_ConnectDev");
    if (!szName || !phDev) LEAVE(SAR_INVALIDPARAMERR);
    if (strcmp(szName, DEVICE_NAME) != 0) LEAVE(SAR_DEVICE_REMOVED);
    the_device.connected = 1;
    *phDev = &the_device;
    LEAVE(SAR_OK);
}

EXPORT ULONG SKF_DisConnectDev(DEVHANDLE hDev) {
    pthread_mutex_lock(&lock);
    enter("SKF_DisConnectDev");
    if (hDev == &the_device) {
        release_lock();
        the_device.connected = 0;
        the_app.logged_in[0] = the_app.logged_in[1] = 0;
    }
    LEAVE(SAR_OK);
}

EXPORT ULONG SKF_GetDevState(LPSTR szDevName, ULONG *pulDevState) {
    pthread_mutex_lock(&lock);
    ULONG rv = enter("SKF_GetDevState");
    if (pulDevState) *pulDevState = (rv == SAR_DEVICE_REMOVED || !szDevName || strcmp(szDevName, DEVICE_NAME)) ? 0 : 1;
    LEAVE(rv == SAR_DEVICE_REMOVED ? SAR_OK : rv);
}

#ifndef SOFTSKF_NO_DEV_EVENTS
EXPORT ULONG SKF_WaitForDevEvent(LPSTR szDevName, ULONG *pulDevNameLen, ULONG *pulEvent) {
    int generation = cancel_generation;
    for (;;) {
        pthread_mutex_lock(&lock);
        ensure_home();
        load_faults();
        int present = present_now();
        if (known_present < 0) known_present = present;
        if (present != known_present) {
            known_present = present;
            if (szDevName && pulDevNameLen && *pulDevNameLen > strlen(DEVICE_NAME)) {
                strcpy(szDevName, DEVICE_NAME);
                *pulDevNameLen = (ULONG) strlen(DEVICE_NAME) + 1;
            }
            if (pulEvent) *pulEvent = present ? 1 : 2;
            pthread_mutex_unlock(&lock);
            return SAR_OK;
        }
        pthread_mutex_unlock(&lock);
        if (cancel_generation != generation) return SAR_FAIL;
        usleep(50000);
    }
}

EXPORT ULONG SKF_CancelWaitForDevEvent(void) {
    __sync_fetch_and_add(&cancel_generation, 1);
    return SAR_OK;
}
#endif

/* One SKF_LockDev at a time in this process: two threads both seeing no lock would each open the lock file and the
 * second would wait for the first as if it were another program. The device is this process's; a lock is shared. */
static pthread_mutex_t lockdev_serial = PTHREAD_MUTEX_INITIALIZER;
static ULONG lock_dev(DEVHANDLE hDev, ULONG ulTimeOut);

EXPORT ULONG SKF_LockDev(DEVHANDLE hDev, ULONG ulTimeOut) {
    pthread_mutex_lock(&lockdev_serial);
    ULONG rv = lock_dev(hDev, ulTimeOut);
    pthread_mutex_unlock(&lockdev_serial);
    return rv;
}

static ULONG lock_dev(DEVHANDLE hDev, ULONG ulTimeOut) {
    char path[4200];
    {
        ENTER("SKF_LockDev");
        if (!is_dev(hDev)) LEAVE(SAR_INVALIDHANDLEERR);
        if (the_device.lock_fd >= 0) LEAVE(SAR_OK);
        path_of(path, sizeof path, "lock");
        pthread_mutex_unlock(&lock);
    }
    /* Waits without the library's mutex: other calls (and the holder's unlock) go on meanwhile. */
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return SAR_FILEERR;
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        if (flock(fd, LOCK_EX | LOCK_NB) == 0) break;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long elapsed = (now.tv_sec - start.tv_sec) * 1000L + (now.tv_nsec - start.tv_nsec) / 1000000L;
        if (errno != EWOULDBLOCK || elapsed >= (long) ulTimeOut) {
            close(fd);
            return SAR_FAIL;
        }
        usleep(20000);
    }
    pthread_mutex_lock(&lock);
    if (the_device.lock_fd >= 0) close(the_device.lock_fd);
    the_device.lock_fd = fd;
    LEAVE(SAR_OK);
}

EXPORT ULONG SKF_UnlockDev(DEVHANDLE hDev) {
    ENTER("SKF_UnlockDev");
    if (hDev != &the_device) LEAVE(SAR_INVALIDHANDLEERR);
    release_lock();
    LEAVE(SAR_OK);
}

EXPORT ULONG SKF_GetDevInfo(DEVHANDLE hDev, DEVINFO *pDevInfo) {
    ENTER("SKF_GetDevInfo");
    if (!is_dev(hDev)) LEAVE(SAR_INVALIDHANDLEERR);
    if (!pDevInfo) LEAVE(SAR_INVALIDPARAMERR);
    memset(pDevInfo, 0, sizeof *pDevInfo);
    pDevInfo->Version.major = 1;
    pDevInfo->Version.minor = 0;
    snprintf(pDevInfo->Manufacturer, sizeof pDevInfo->Manufacturer, "TokenBench SoftSKF");
    snprintf(pDevInfo->Issuer, sizeof pDevInfo->Issuer, "TokenBench Test CA");
    memcpy(pDevInfo->Label, state.label, strnlen(state.label, sizeof pDevInfo->Label));
    memcpy(pDevInfo->SerialNumber, state.serial, strnlen(state.serial, sizeof pDevInfo->SerialNumber));
    pDevInfo->HWVersion.major = 1;
    pDevInfo->FirmwareVersion.major = 3;
    pDevInfo->FirmwareVersion.minor = 1;
    pDevInfo->AlgSymCap = 0x00000401u;   /* SGD_SM4_ECB */
    pDevInfo->AlgAsymCap = 0x00020100u;  /* SGD_SM2_1 */
    pDevInfo->AlgHashCap = SGD_SM3;
    pDevInfo->DevAuthAlgId = 0x00000401u;
    pDevInfo->TotalSpace = 65536;
    pDevInfo->FreeSpace = 40960;
    pDevInfo->MaxECCBufferSize = 1024;
    pDevInfo->MaxBufferSize = 2048;
    if (has_rule("unpacked-devinfo", NULL)) {
        DEVINFO packed = *pDevInfo;
        DEVINFO_UNPACKED u;
        memset(&u, 0, sizeof u);
        u.Version = packed.Version;
        memcpy(u.Manufacturer, packed.Manufacturer, 64);
        memcpy(u.Issuer, packed.Issuer, 64);
        memcpy(u.Label, packed.Label, 32);
        memcpy(u.SerialNumber, packed.SerialNumber, 32);
        u.HWVersion = packed.HWVersion;
        u.FirmwareVersion = packed.FirmwareVersion;
        u.AlgSymCap = packed.AlgSymCap;
        u.AlgAsymCap = packed.AlgAsymCap;
        u.AlgHashCap = packed.AlgHashCap;
        u.DevAuthAlgId = packed.DevAuthAlgId;
        u.TotalSpace = packed.TotalSpace;
        u.FreeSpace = packed.FreeSpace;
        u.MaxECCBufferSize = packed.MaxECCBufferSize;
        u.MaxBufferSize = packed.MaxBufferSize;
        memcpy(pDevInfo, &u, sizeof u);  /* 296 bytes: two past a packed DEVINFO */
    }
    LEAVE(SAR_OK);
}

EXPORT ULONG SKF_GenRandom(DEVHANDLE hDev, BYTE *pbRandom, ULONG ulRandomLen) {
    ENTER("SKF_GenRandom");
    if (!is_dev(hDev)) LEAVE(SAR_INVALIDHANDLEERR);
    if (!pbRandom || ulRandomLen == 0 || ulRandomLen > 1024) LEAVE(SAR_INVALIDPARAMERR);
    LEAVE(RAND_bytes(pbRandom, (int) ulRandomLen) == 1 ? SAR_OK : SAR_FAIL);
}

EXPORT ULONG SKF_EnumApplication(DEVHANDLE hDev, LPSTR szAppName, ULONG *pulSize) {
    ENTER("SKF_EnumApplication");
    if (!is_dev(hDev)) LEAVE(SAR_INVALIDHANDLEERR);
    LEAVE(name_list("SKF_EnumApplication", state.app, szAppName, pulSize));
}

EXPORT ULONG SKF_OpenApplication(DEVHANDLE hDev, LPSTR szAppName, HAPPLICATION *phApplication) {
    ENTER("SKF_OpenApplication");
    if (!is_dev(hDev)) LEAVE(SAR_INVALIDHANDLEERR);
    if (!szAppName || !phApplication) LEAVE(SAR_INVALIDPARAMERR);
    if (strcmp(szAppName, state.app) != 0) LEAVE(SAR_APPLICATION_NOT_EXISTS);
    *phApplication = &the_app;
    LEAVE(SAR_OK);
}

EXPORT ULONG SKF_CloseApplication(HAPPLICATION hApplication) {
    ENTER("SKF_CloseApplication");
    if (!is_app(hApplication)) LEAVE(SAR_INVALIDHANDLEERR);
    LEAVE(SAR_OK);
}

EXPORT ULONG SKF_GetPINInfo(HAPPLICATION hApplication, ULONG ulPINType, ULONG *pulMaxRetryCount, ULONG *pulRemainRetryCount,
        BOOL *pbDefaultPin) {
    ENTER("SKF_GetPINInfo");
    if (!is_app(hApplication)) LEAVE(SAR_INVALIDHANDLEERR);
    if (ulPINType != ADMIN_TYPE && ulPINType != USER_TYPE) LEAVE(SAR_USER_TYPE_INVALID);
    if (!pulMaxRetryCount || !pulRemainRetryCount || !pbDefaultPin) LEAVE(SAR_INVALIDPARAMERR);
    int user = ulPINType == USER_TYPE;
    *pulMaxRetryCount = (ULONG) (user ? state.user_max : state.admin_max);
    *pulRemainRetryCount = (ULONG) (user ? state.user_remain : state.admin_remain);
    *pbDefaultPin = strcmp(user ? state.user_pin : state.admin_pin, user ? "12345678" : "88888888") == 0;
    LEAVE(SAR_OK);
}

/* The PIN check shared by verify and change: a wrong PIN costs exactly one try, a locked PIN none. */
static ULONG check_pin(ULONG type, const char *pin, ULONG *retry) {
    int user = type == USER_TYPE;
    int *remain = user ? &state.user_remain : &state.admin_remain;
    const char *expected = user ? state.user_pin : state.admin_pin;
    size_t len = strnlen(pin, 64);
    if (*remain <= 0) {
        if (retry) *retry = 0;
        return SAR_PIN_LOCKED;
    }
    if (len < 6 || len > 16) {
        if (retry) *retry = (ULONG) *remain;
        return SAR_PIN_LEN_RANGE;
    }
    if (strcmp(pin, expected) != 0) {
        (*remain)--;
        save_state();
        if (retry) *retry = (ULONG) *remain;
        return *remain == 0 ? SAR_PIN_LOCKED : SAR_PIN_INCORRECT;
    }
    *remain = user ? state.user_max : state.admin_max;
    save_state();
    if (retry) *retry = (ULONG) *remain;
    return SAR_OK;
}

EXPORT ULONG SKF_VerifyPIN(HAPPLICATION hApplication, ULONG ulPINType, LPSTR szPIN, ULONG *pulRetryCount) {
    ENTER("SKF_VerifyPIN");
    if (!is_app(hApplication)) LEAVE(SAR_INVALIDHANDLEERR);
    if (ulPINType != ADMIN_TYPE && ulPINType != USER_TYPE) LEAVE(SAR_USER_TYPE_INVALID);
    if (!szPIN) LEAVE(SAR_INVALIDPARAMERR);
    ULONG rv = check_pin(ulPINType, szPIN, pulRetryCount);
    the_app.logged_in[ulPINType] = rv == SAR_OK;
    LEAVE(rv);
}

EXPORT ULONG SKF_ChangePIN(HAPPLICATION hApplication, ULONG ulPINType, LPSTR szOldPin, LPSTR szNewPin, ULONG *pulRetryCount) {
    ENTER("SKF_ChangePIN");
    if (!is_app(hApplication)) LEAVE(SAR_INVALIDHANDLEERR);
    if (ulPINType != ADMIN_TYPE && ulPINType != USER_TYPE) LEAVE(SAR_USER_TYPE_INVALID);
    if (!szOldPin || !szNewPin) LEAVE(SAR_INVALIDPARAMERR);
    size_t len = strnlen(szNewPin, 64);
    if (len < 6 || len > 16) LEAVE(SAR_PIN_LEN_RANGE);
    ULONG rv = check_pin(ulPINType, szOldPin, pulRetryCount);
    if (rv == SAR_OK) {
        snprintf(ulPINType == USER_TYPE ? state.user_pin : state.admin_pin, 17, "%s", szNewPin);
        save_state();
    }
    LEAVE(rv);
}

EXPORT ULONG SKF_ClearSecureState(HAPPLICATION hApplication) {
    ENTER("SKF_ClearSecureState");
    if (!is_app(hApplication)) LEAVE(SAR_INVALIDHANDLEERR);
    the_app.logged_in[0] = the_app.logged_in[1] = 0;
    LEAVE(SAR_OK);
}

EXPORT ULONG SKF_EnumContainer(HAPPLICATION hApplication, LPSTR szContainerName, ULONG *pulSize) {
    ENTER("SKF_EnumContainer");
    if (!is_app(hApplication)) LEAVE(SAR_INVALIDHANDLEERR);
    LEAVE(name_list("SKF_EnumContainer", state.container, szContainerName, pulSize));
}

EXPORT ULONG SKF_OpenContainer(HAPPLICATION hApplication, LPSTR szContainerName, HCONTAINER *phContainer) {
    ENTER("SKF_OpenContainer");
    if (!is_app(hApplication)) LEAVE(SAR_INVALIDHANDLEERR);
    if (!szContainerName || !phContainer) LEAVE(SAR_INVALIDPARAMERR);
    if (strcmp(szContainerName, state.container) != 0) LEAVE(SAR_FILE_NOT_EXIST);
    *phContainer = &the_container;
    LEAVE(SAR_OK);
}

EXPORT ULONG SKF_CloseContainer(HCONTAINER hContainer) {
    ENTER("SKF_CloseContainer");
    if (!is_con(hContainer)) LEAVE(SAR_INVALIDHANDLEERR);
    LEAVE(SAR_OK);
}

EXPORT ULONG SKF_GetContainerType(HCONTAINER hContainer, ULONG *pulContainerType) {
    ENTER("SKF_GetContainerType");
    if (!is_con(hContainer)) LEAVE(SAR_INVALIDHANDLEERR);
    if (!pulContainerType) LEAVE(SAR_INVALIDPARAMERR);
    *pulContainerType = 2;  /* ECC */
    LEAVE(SAR_OK);
}

EXPORT ULONG SKF_ExportCertificate(HCONTAINER hContainer, BOOL bSignFlag, BYTE *pbCert, ULONG *pulCertLen) {
    ENTER("SKF_ExportCertificate");
    if (!is_con(hContainer)) LEAVE(SAR_INVALIDHANDLEERR);
    if (!pulCertLen) LEAVE(SAR_INVALIDPARAMERR);
    if (!bSignFlag) LEAVE(SAR_CERTNOTFOUNTERR);  /* this key holds a signing certificate only */
    int lie = has_rule("lie-length", "SKF_ExportCertificate");
    if (!pbCert) {
        *pulCertLen = (ULONG) sign_cert_len;
        LEAVE(SAR_OK);
    }
    if (*pulCertLen < (ULONG) sign_cert_len) {
        *pulCertLen = (ULONG) sign_cert_len;
        LEAVE(SAR_BUFFER_TOO_SMALL);
    }
    memcpy(pbCert, sign_cert, (size_t) sign_cert_len);
    if (has_rule("corrupt-cert", NULL)) {
        /* Damage the DER: the outer SEQUENCE claims more than there is and the middle is overwritten. */
        pbCert[2] ^= 0x7F;
        memset(pbCert + sign_cert_len / 3, 0xA5, (size_t) sign_cert_len / 4);
    }
    *pulCertLen = lie ? *pulCertLen + 4096 : (ULONG) sign_cert_len;
    LEAVE(SAR_OK);
}

static int public_blob(EVP_PKEY *key, ECCPUBLICKEYBLOB *blob) {
    BIGNUM *x = NULL, *y = NULL;
    int ok = EVP_PKEY_get_bn_param(key, "qx", &x) && EVP_PKEY_get_bn_param(key, "qy", &y);
    memset(blob, 0, sizeof *blob);
    blob->BitLen = 256;
    if (ok) {
        BN_bn2binpad(x, blob->XCoordinate + 32, 32);
        BN_bn2binpad(y, blob->YCoordinate + 32, 32);
    }
    BN_free(x);
    BN_free(y);
    return ok;
}

EXPORT ULONG SKF_ExportPublicKey(HCONTAINER hContainer, BOOL bSignFlag, BYTE *pbBlob, ULONG *pulBlobLen) {
    ENTER("SKF_ExportPublicKey");
    if (!is_con(hContainer)) LEAVE(SAR_INVALIDHANDLEERR);
    if (!pulBlobLen) LEAVE(SAR_INVALIDPARAMERR);
    if (!bSignFlag) LEAVE(SAR_FILE_NOT_EXIST);
    if (!pbBlob) {
        *pulBlobLen = sizeof(ECCPUBLICKEYBLOB);
        LEAVE(SAR_OK);
    }
    if (*pulBlobLen < sizeof(ECCPUBLICKEYBLOB)) LEAVE(SAR_BUFFER_TOO_SMALL);
    ECCPUBLICKEYBLOB blob;
    if (!public_blob(sign_key, &blob)) LEAVE(SAR_FAIL);
    if (has_rule("bad-bitlen", NULL)) blob.BitLen = 1024;
    memcpy(pbBlob, &blob, sizeof blob);
    *pulBlobLen = sizeof blob;
    LEAVE(SAR_OK);
}

/* Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA), GM/T 0003.2 section 5.5. */
static int sm2_z(const ECCPUBLICKEYBLOB *pub, const BYTE *id, ULONG id_len, BYTE z[32]) {
    static const char *hex[] = {
        "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC",
        "28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93",
        "32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7",
        "BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0",
    };
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_MD *sm3 = EVP_MD_fetch(NULL, "SM3", NULL);
    int ok = ctx && sm3 && EVP_DigestInit_ex(ctx, sm3, NULL);
    BYTE entl[2] = { (BYTE) ((id_len * 8) >> 8), (BYTE) (id_len * 8) };
    ok = ok && EVP_DigestUpdate(ctx, entl, 2) && EVP_DigestUpdate(ctx, id, id_len);
    for (int i = 0; ok && i < 4; i++) {
        BYTE v[32];
        BIGNUM *bn = NULL;
        BN_hex2bn(&bn, hex[i]);
        BN_bn2binpad(bn, v, 32);
        BN_free(bn);
        ok = EVP_DigestUpdate(ctx, v, 32);
    }
    ok = ok && EVP_DigestUpdate(ctx, pub->XCoordinate + 32, 32) && EVP_DigestUpdate(ctx, pub->YCoordinate + 32, 32);
    unsigned int len = 32;
    ok = ok && EVP_DigestFinal_ex(ctx, z, &len);
    EVP_MD_free(sm3);
    EVP_MD_CTX_free(ctx);
    return ok;
}

EXPORT ULONG SKF_DigestInit(DEVHANDLE hDev, ULONG ulAlgID, ECCPUBLICKEYBLOB *pPubKey, BYTE *pucID, ULONG ulIDLen, HANDLE *phHash) {
    ENTER("SKF_DigestInit");
    if (!is_dev(hDev)) LEAVE(SAR_INVALIDHANDLEERR);
    if (ulAlgID != SGD_SM3 || !phHash) LEAVE(SAR_INVALIDPARAMERR);
    struct hash *h = calloc(1, sizeof *h);
    h->magic = MAGIC_HASH;
    h->ctx = EVP_MD_CTX_new();
    EVP_MD *sm3 = EVP_MD_fetch(NULL, "SM3", NULL);
    int ok = EVP_DigestInit_ex(h->ctx, sm3, NULL);
    EVP_MD_free(sm3);
    if (ok && pPubKey && pucID && ulIDLen > 0) {
        if (pPubKey->BitLen != 256 || ulIDLen > 8191) ok = 0;
        BYTE z[32];
        ok = ok && sm2_z(pPubKey, pucID, ulIDLen, z) && EVP_DigestUpdate(h->ctx, z, 32);
    }
    if (!ok) {
        EVP_MD_CTX_free(h->ctx);
        free(h);
        LEAVE(SAR_HASHERR);
    }
    *phHash = h;
    LEAVE(SAR_OK);
}

EXPORT ULONG SKF_Digest(HANDLE hHash, BYTE *pbData, ULONG ulDataLen, BYTE *pbHashData, ULONG *pulHashLen) {
    ENTER("SKF_Digest");
    struct hash *h = hHash;
    if (!h || h->magic != MAGIC_HASH) LEAVE(SAR_INVALIDHANDLEERR);
    if (!pulHashLen) LEAVE(SAR_INVALIDPARAMERR);
    if (!pbHashData) {
        *pulHashLen = 32;
        LEAVE(SAR_OK);
    }
    if (*pulHashLen < 32) LEAVE(SAR_BUFFER_TOO_SMALL);
    unsigned int len = 32;
    if (!EVP_DigestUpdate(h->ctx, pbData, ulDataLen) || !EVP_DigestFinal_ex(h->ctx, pbHashData, &len)) LEAVE(SAR_HASHERR);
    *pulHashLen = 32;
    LEAVE(SAR_OK);
}

EXPORT ULONG SKF_CloseHandle(HANDLE hHandle) {
    pthread_mutex_lock(&lock);
    enter("SKF_CloseHandle");
    struct hash *h = hHandle;
    if (h && h->magic == MAGIC_HASH) {
        h->magic = 0;
        EVP_MD_CTX_free(h->ctx);
        free(h);
    }
    LEAVE(SAR_OK);
}

EXPORT ULONG SKF_ECCSignData(HCONTAINER hContainer, BYTE *pbData, ULONG ulDataLen, ECCSIGNATUREBLOB *pSignature) {
    ENTER("SKF_ECCSignData");
    if (!is_con(hContainer)) LEAVE(SAR_INVALIDHANDLEERR);
    if (!pbData || !pSignature) LEAVE(SAR_INVALIDPARAMERR);
    if (ulDataLen != 32) LEAVE(SAR_INDATALENERR);
    if (!the_app.logged_in[USER_TYPE]) LEAVE(SAR_USER_NOT_LOGGED_IN);
    /* The input is SM3(Z || M) already: sign it as a digest, no second hashing. */
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(sign_key, NULL);
    unsigned char der[128];
    size_t der_len = sizeof der;
    int ok = ctx && EVP_PKEY_sign_init(ctx) > 0 && EVP_PKEY_sign(ctx, der, &der_len, pbData, ulDataLen) > 0;
    EVP_PKEY_CTX_free(ctx);
    if (!ok) LEAVE(SAR_FAIL);
    const unsigned char *p = der;
    ECDSA_SIG *sig = d2i_ECDSA_SIG(NULL, &p, (long) der_len);
    if (!sig) LEAVE(SAR_FAIL);
    memset(pSignature, 0, sizeof *pSignature);
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), pSignature->r + 32, 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), pSignature->s + 32, 32);
    ECDSA_SIG_free(sig);
    LEAVE(SAR_OK);
}
