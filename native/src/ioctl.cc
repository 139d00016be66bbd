#include "ioctl.h"

#include <errno.h>
#include <sys/ioctl.h>

#include "errno_error.h"

namespace vexfs {

namespace {

struct IoctlArgs {
  int fd;
  unsigned long request;
  void* data;
};

IoctlArgs ParseArgs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 3 || !info[0].IsNumber() || !info[1].IsNumber()) {
    throw Napi::TypeError::New(env, "ioctl(fd: number, request: number, buffer: Uint8Array)");
  }
  double fd = info[0].As<Napi::Number>().DoubleValue();
  double request = info[1].As<Napi::Number>().DoubleValue();
  if (!(fd >= 0 && fd <= 2147483647.0) || fd != static_cast<double>(static_cast<int>(fd))) {
    throw Napi::RangeError::New(env, "fd must be a non-negative integer");
  }
  if (!(request >= 0 && request <= 4294967295.0) ||
      request != static_cast<double>(static_cast<uint32_t>(request))) {
    throw Napi::RangeError::New(env, "request must be an integer from 0 to 4294967295");
  }
  if (!info[2].IsTypedArray() || info[2].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw Napi::TypeError::New(env, "buffer must be a Buffer or Uint8Array");
  }
  auto bytes = info[2].As<Napi::Uint8Array>();
  // The request encodes the argument size; a shorter buffer would let the
  // kernel read or write past it.
  size_t encoded = (static_cast<uint32_t>(request) >> 16) & 0x3fff;
  if (bytes.ByteLength() < encoded) {
    throw Napi::RangeError::New(env, "buffer is " + std::to_string(bytes.ByteLength()) +
                                         " bytes but the request encodes " + std::to_string(encoded));
  }
  return {static_cast<int>(fd), static_cast<unsigned long>(static_cast<uint32_t>(request)), bytes.Data()};
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
