#include "errno_error.h"

#include <uv.h>

#include <string>

namespace vexfs {

Napi::Error ErrnoError(Napi::Env env, int err, const char* syscall) {
  // libuv's names and messages are the ones Node itself uses for errno errors.
  const char* code = uv_err_name(-err);
  std::string message = std::string(code) + ": " + uv_strerror(-err) + ", " + syscall;
  Napi::Error error = Napi::Error::New(env, message);
  error.Set("code", Napi::String::New(env, code));
  error.Set("errno", Napi::Number::New(env, -err));
  error.Set("syscall", Napi::String::New(env, syscall));
  return error;
}

void ThrowErrno(Napi::Env env, int err, const char* syscall) {
  throw ErrnoError(env, err, syscall);
}

}  // namespace vexfs
