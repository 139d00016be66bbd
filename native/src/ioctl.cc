#include "ioctl.h"

#include <errno.h>
#include <sys/ioctl.h>

#include "args.h"
#include "errno_error.h"

namespace vexfs {

namespace {

struct IoctlArgs {
  int fd;
  unsigned long request;
  void* data;
};

IoctlArgs ParseArgs(const Napi::CallbackInfo& info) {
  int fd = ArgFd(info, 0);
  uint32_t request = ArgU32(info, 1, "request");
  ByteView bytes = ArgBytes(info, 2, "buffer");
  // The request encodes the argument size; a shorter buffer would let the
  // kernel read or write past it.
  size_t encoded = (request >> 16) & 0x3fff;
  if (bytes.length < encoded) {
    throw Napi::RangeError::New(info.Env(), "buffer is " + std::to_string(bytes.length) +
                                                " bytes but the request encodes " + std::to_string(encoded));
  }
  return {fd, static_cast<unsigned long>(request), bytes.data};
}

class IoctlWorker : public Napi::AsyncWorker {
 public:
  // `keep`: the buffers the struct points to; the kernel reads and writes them
  // from the worker thread, so they stay referenced until the call completes.
  IoctlWorker(Napi::Env env, IoctlArgs args, Napi::Object buffer, Napi::Value keep)
      : Napi::AsyncWorker(env, "VexfsIoctl"), deferred_(Napi::Promise::Deferred::New(env)), args_(args) {
    buffer_ = Napi::Persistent(buffer);
    if (keep.IsObject()) keep_ = Napi::Persistent(keep.As<Napi::Object>());
  }

  Napi::Promise Promise() { return deferred_.Promise(); }

  void Execute() override {
    do {
      result_ = ::ioctl(args_.fd, args_.request, args_.data);
    } while (result_ < 0 && errno == EINTR);
    if (result_ < 0) err_ = errno;
  }

  void OnOK() override {
    Napi::Env env = Env();
    if (err_ != 0) {
      deferred_.Reject(ErrnoError(env, err_, "ioctl").Value());
    } else {
      deferred_.Resolve(Napi::Number::New(env, result_));
    }
  }

  void OnError(const Napi::Error& error) override { deferred_.Reject(error.Value()); }

 private:
  Napi::Promise::Deferred deferred_;
  IoctlArgs args_;
  Napi::ObjectReference buffer_;
  Napi::ObjectReference keep_;
  int result_ = 0;
  int err_ = 0;
};

}  // namespace

Napi::Value IoctlSync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  IoctlArgs args = ParseArgs(info);
  int result;
  do {
    result = ::ioctl(args.fd, args.request, args.data);
  } while (result < 0 && errno == EINTR);
  if (result < 0) ThrowErrno(env, errno, "ioctl");
  return Napi::Number::New(env, result);
}

Napi::Value IoctlAsync(const Napi::CallbackInfo& info) {
  IoctlArgs args = ParseArgs(info);
  Napi::Value keep = info.Length() > 3 ? info[3] : info.Env().Undefined();
  if (!keep.IsUndefined() && !keep.IsArray()) {
    throw Napi::TypeError::New(info.Env(), "keepAlive must be an array of the buffers the struct points to");
  }
  auto* worker = new IoctlWorker(info.Env(), args, info[2].As<Napi::Object>(), keep);
  Napi::Promise promise = worker->Promise();
  worker->Queue();
  return promise;
}

}  // namespace vexfs
