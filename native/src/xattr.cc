#include "xattr.h"

#include <errno.h>
#include <sys/xattr.h>

#include <string>
#include <vector>

#include "errno_error.h"

namespace vexfs {

Napi::Value GetXattr(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[0].IsString() || !info[1].IsString()) {
    Napi::TypeError::New(env, "getxattr(path: string, name: string)").ThrowAsJavaScriptException();
    return env.Null();
  }
  std::string path = info[0].As<Napi::String>();
  std::string name = info[1].As<Napi::String>();
  // Size first, then read; the attribute may grow in between (ERANGE): ask again.
  for (int tries = 0; tries < 4; tries++) {
    ssize_t size = getxattr(path.c_str(), name.c_str(), nullptr, 0);
    if (size < 0) {
      if (errno == ENODATA) return env.Null();
      ThrowErrno(env, errno, "getxattr");
    }
    std::vector<char> buf(static_cast<size_t>(size) + 1);
    ssize_t got = getxattr(path.c_str(), name.c_str(), buf.data(), buf.size());
    if (got >= 0) return Napi::Buffer<char>::Copy(env, buf.data(), static_cast<size_t>(got));
    if (errno == ENODATA) return env.Null();
    if (errno != ERANGE) ThrowErrno(env, errno, "getxattr");
  }
  ThrowErrno(env, ERANGE, "getxattr");
}

}  // namespace vexfs
