// Node-style errors for failed syscalls: { code: 'EAGAIN', errno: -11, syscall: 'sendto' }.
#pragma once
#include <napi.h>

namespace vexfs {

// err is a positive errno value.
Napi::Error ErrnoError(Napi::Env env, int err, const char* syscall);
[[noreturn]] void ThrowErrno(Napi::Env env, int err, const char* syscall);

}  // namespace vexfs
