#include "errno_error.h"

#include <string.h>
#include <uv.h>

#include <string>

namespace vexfs {

Napi::Error ErrnoError(Napi::Env env, int err, const char* syscall) {
  // libuv's names and messages are the ones Node itself uses for errno errors; for the errnos
  // libuv has no name for (EDQUOT, EBADMSG, ...) glibc's name and text.
  std::string code = uv_err_name(-err);
  std::string text = uv_strerror(-err);
  if (code.rfind("Unknown system error", 0) == 0 && strerrorname_np(err) != nullptr) {
    code = strerrorname_np(err);
    text = strerror(err);
  }
  std::string message = code + ": " + text + ", " + syscall;
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
