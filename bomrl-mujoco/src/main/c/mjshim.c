/*
 * JNI shim between org.bomrl.mujoco.bridge.MjNative and MuJoCo 2.2.x.
 *
 * Errors: MuJoCo's default error handler exits the process. This shim installs its own handler,
 * which copies the message to a thread-local buffer and longjmp's back to the JNI entry that made
 * the call; the entry then throws org.bomrl.mujoco.bridge.MujocoException with that message.
 * Warnings (bad qpos/qvel/qacc, full contact buffers, ...) are recorded per thread and counted in
 * mjData.warning, never printed or logged to a file.
 *
 * Readout layout (doubles), written after reset and step:
 *   time | qpos (nq) | qvel (nv) | xpos (3 nbody) | xmat (9 nbody) | subtree_com (3 nbody) | cfrc_ext (6 nbody)
 */
#include <jni.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mujoco/mujoco.h>
#include "org_bomrl_mujoco_bridge_MjNative.h"

#define MESSAGE_SIZE 1000
#define CONTACT_FORCES 1

static __thread jmp_buf *guard = NULL;
static __thread char last_error[MESSAGE_SIZE];
static __thread char last_warning[MESSAGE_SIZE];

static void on_error(const char *message)
{
    snprintf(last_error, MESSAGE_SIZE, "%s", message);
    if (guard != NULL) {
        longjmp(*guard, 1);
    }
    fprintf(stderr, "MuJoCo error outside a guarded call: %s\n", message);
    abort();
}

static void on_warning(const char *message)
{
    snprintf(last_warning, MESSAGE_SIZE, "%s", message);
}

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved)
{
    (void) vm;
    (void) reserved;
    mju_user_error = on_error;
    mju_user_warning = on_warning;
    return JNI_VERSION_1_8;
}

static void throw_mujoco(JNIEnv *env, const char *prefix, const char *message)
{
    char text[2 * MESSAGE_SIZE];
    snprintf(text, sizeof text, "%s%s", prefix, message);
    /* one line: MuJoCo messages may end in a newline */
    for (char *c = text; *c; c++) {
        if (*c == '\n' || *c == '\r') {
            *c = ' ';
        }
    }
    size_t n = strlen(text);
    while (n > 0 && text[n - 1] == ' ') {
        text[--n] = '\0';
    }
    jclass type = (*env)->FindClass(env, "org/bomrl/mujoco/bridge/MujocoException");
    if (type != NULL) {
        (*env)->ThrowNew(env, type, text);
    }
}

/* Guards a MuJoCo call: on mju_error control returns here and the entry throws and returns `failed`. */
#define GUARD(failed)                                          \
    jmp_buf here;                                              \
    jmp_buf *outer = guard;                                    \
    if (setjmp(here) != 0) {                                   \
        guard = outer;                                         \
        throw_mujoco(env, "MuJoCo error: ", last_error);       \
        return failed;                                         \
    }                                                          \
    guard = &here
#define UNGUARD() guard = outer

static jint warning_count(const mjData *d)
{
    jint total = 0;
    for (int i = 0; i < mjNWARNING; i++) {
        total += d->warning[i].number;
    }
    return total;
}

static void read_out(JNIEnv *env, const mjModel *m, const mjData *d, jdoubleArray readout)
{
    jsize at = 0;
    (*env)->SetDoubleArrayRegion(env, readout, at, 1, &d->time);
    at += 1;
    (*env)->SetDoubleArrayRegion(env, readout, at, m->nq, d->qpos);
    at += m->nq;
    (*env)->SetDoubleArrayRegion(env, readout, at, m->nv, d->qvel);
    at += m->nv;
    (*env)->SetDoubleArrayRegion(env, readout, at, 3 * m->nbody, d->xpos);
    at += 3 * m->nbody;
    (*env)->SetDoubleArrayRegion(env, readout, at, 9 * m->nbody, d->xmat);
    at += 9 * m->nbody;
    (*env)->SetDoubleArrayRegion(env, readout, at, 3 * m->nbody, d->subtree_com);
    at += 3 * m->nbody;
    (*env)->SetDoubleArrayRegion(env, readout, at, 6 * m->nbody, d->cfrc_ext);
}

static jlong checked_model(JNIEnv *env, mjModel *m, const char *error)
{
    if (m == NULL) {
        throw_mujoco(env, "MuJoCo could not load the model: ", error[0] ? error : "no message");
        return 0;
    }
    return (jlong) (intptr_t) m;
}

JNIEXPORT jlong JNICALL Java_org_bomrl_mujoco_bridge_MjNative_loadXml(JNIEnv *env, jclass type, jstring name, jbyteArray xml)
{
    (void) type;
    char error[MESSAGE_SIZE] = "";
    const char *file = (*env)->GetStringUTFChars(env, name, NULL);
    if (file == NULL) {
        return 0;
    }
    jsize size = (*env)->GetArrayLength(env, xml);
    mjVFS *vfs = malloc(sizeof(mjVFS));
    if (vfs == NULL) {
        (*env)->ReleaseStringUTFChars(env, name, file);
        throw_mujoco(env, "MuJoCo could not load the model: ", "out of memory for the virtual file system");
        return 0;
    }
    mj_defaultVFS(vfs);
    mjModel *volatile m = NULL;
    int index = -1;
    if (mj_makeEmptyFileVFS(vfs, file, size) == 0 && (index = mj_findFileVFS(vfs, file)) >= 0) {
        (*env)->GetByteArrayRegion(env, xml, 0, size, (jbyte *) vfs->filedata[index]);
        jmp_buf here;
        jmp_buf *outer = guard;
        if (setjmp(here) != 0) {
            guard = outer;
            snprintf(error, MESSAGE_SIZE, "%s", last_error);
        }
        else {
            guard = &here;
            m = mj_loadXML(file, vfs, error, MESSAGE_SIZE);
            guard = outer;
        }
    }
    else {
        snprintf(error, MESSAGE_SIZE, "cannot create '%s' in the virtual file system", file);
    }
    mj_deleteVFS(vfs);
    free(vfs);
    (*env)->ReleaseStringUTFChars(env, name, file);
    return checked_model(env, m, error);
}

JNIEXPORT jlong JNICALL Java_org_bomrl_mujoco_bridge_MjNative_loadFile(JNIEnv *env, jclass type, jstring path)
{
    (void) type;
    char error[MESSAGE_SIZE] = "";
    const char *file = (*env)->GetStringUTFChars(env, path, NULL);
    if (file == NULL) {
        return 0;
    }
    mjModel *volatile m = NULL;
    jmp_buf here;
    jmp_buf *outer = guard;
    if (setjmp(here) != 0) {
        guard = outer;
        snprintf(error, MESSAGE_SIZE, "%s", last_error);
    }
    else {
        guard = &here;
        m = mj_loadXML(file, NULL, error, MESSAGE_SIZE);
        guard = outer;
    }
    (*env)->ReleaseStringUTFChars(env, path, file);
    return checked_model(env, m, error);
}

JNIEXPORT void JNICALL Java_org_bomrl_mujoco_bridge_MjNative_freeModel(JNIEnv *env, jclass type, jlong model)
{
    (void) env;
    (void) type;
    mj_deleteModel((mjModel *) (intptr_t) model);
}

JNIEXPORT jintArray JNICALL Java_org_bomrl_mujoco_bridge_MjNative_dims(JNIEnv *env, jclass type, jlong model)
{
    (void) type;
    const mjModel *m = (const mjModel *) (intptr_t) model;
    jint values[4] = {m->nq, m->nv, m->nu, m->nbody};
    jintArray result = (*env)->NewIntArray(env, 4);
    if (result != NULL) {
        (*env)->SetIntArrayRegion(env, result, 0, 4, values);
    }
    return result;
}

JNIEXPORT jdouble JNICALL Java_org_bomrl_mujoco_bridge_MjNative_timestep(JNIEnv *env, jclass type, jlong model)
{
    (void) env;
    (void) type;
    return ((const mjModel *) (intptr_t) model)->opt.timestep;
}

JNIEXPORT jdouble JNICALL Java_org_bomrl_mujoco_bridge_MjNative_totalMass(JNIEnv *env, jclass type, jlong model)
{
    (void) env;
    (void) type;
    return mj_getTotalmass((const mjModel *) (intptr_t) model);
}

JNIEXPORT jint JNICALL Java_org_bomrl_mujoco_bridge_MjNative_bodyId(JNIEnv *env, jclass type, jlong model, jstring name)
{
    (void) type;
    const char *body = (*env)->GetStringUTFChars(env, name, NULL);
    if (body == NULL) {
        return -1;
    }
    int id = mj_name2id((const mjModel *) (intptr_t) model, mjOBJ_BODY, body);
    (*env)->ReleaseStringUTFChars(env, name, body);
    return id;
}

JNIEXPORT jlong JNICALL Java_org_bomrl_mujoco_bridge_MjNative_makeData(JNIEnv *env, jclass type, jlong model)
{
    (void) type;
    GUARD(0);
    mjData *d = mj_makeData((const mjModel *) (intptr_t) model);
    UNGUARD();
    if (d == NULL) {
        throw_mujoco(env, "MuJoCo error: ", "could not allocate mjData");
        return 0;
    }
    return (jlong) (intptr_t) d;
}

JNIEXPORT void JNICALL Java_org_bomrl_mujoco_bridge_MjNative_freeData(JNIEnv *env, jclass type, jlong data)
{
    (void) env;
    (void) type;
    mj_deleteData((mjData *) (intptr_t) data);
}

JNIEXPORT jint JNICALL Java_org_bomrl_mujoco_bridge_MjNative_reset(JNIEnv *env, jclass type, jlong model, jlong data, jdoubleArray qpos,
        jdoubleArray qvel, jint flags, jdoubleArray readout)
{
    (void) type;
    const mjModel *m = (const mjModel *) (intptr_t) model;
    mjData *d = (mjData *) (intptr_t) data;
    last_warning[0] = '\0';
    GUARD(-1);
    mj_resetData(m, d);
    if (qpos != NULL) {
        (*env)->GetDoubleArrayRegion(env, qpos, 0, m->nq, d->qpos);
    }
    if (qvel != NULL) {
        (*env)->GetDoubleArrayRegion(env, qvel, 0, m->nv, d->qvel);
    }
    mj_forward(m, d);
    if (flags & CONTACT_FORCES) {
        mj_rnePostConstraint(m, d);
    }
    UNGUARD();
    read_out(env, m, d, readout);
    return warning_count(d);
}

JNIEXPORT jint JNICALL Java_org_bomrl_mujoco_bridge_MjNative_step(JNIEnv *env, jclass type, jlong model, jlong data, jdoubleArray ctrl,
        jint frameSkip, jint flags, jdoubleArray readout)
{
    (void) type;
    const mjModel *m = (const mjModel *) (intptr_t) model;
    mjData *d = (mjData *) (intptr_t) data;
    (*env)->GetDoubleArrayRegion(env, ctrl, 0, m->nu, d->ctrl);
    GUARD(-1);
    for (int i = 0; i < frameSkip; i++) {
        mj_step(m, d);
    }
    if (flags & CONTACT_FORCES) {
        mj_rnePostConstraint(m, d);
    }
    UNGUARD();
    read_out(env, m, d, readout);
    return warning_count(d);
}

JNIEXPORT jint JNICALL Java_org_bomrl_mujoco_bridge_MjNative_run(JNIEnv *env, jclass type, jlong model, jlong data, jdoubleArray ctrl, jint steps)
{
    (void) type;
    const mjModel *m = (const mjModel *) (intptr_t) model;
    mjData *d = (mjData *) (intptr_t) data;
    (*env)->GetDoubleArrayRegion(env, ctrl, 0, m->nu, d->ctrl);
    GUARD(-1);
    for (int i = 0; i < steps; i++) {
        mj_step(m, d);
    }
    UNGUARD();
    return warning_count(d);
}

JNIEXPORT jstring JNICALL Java_org_bomrl_mujoco_bridge_MjNative_lastWarning(JNIEnv *env, jclass type)
{
    (void) type;
    return (*env)->NewStringUTF(env, last_warning);
}
