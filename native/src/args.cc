#include "args.h"

#include <string>

namespace vexfs {

uint32_t OptionU32(const Napi::Object& options, const char* key, uint32_t fallback, uint32_t min,
                   uint32_t max) {
  Napi::Env env = options.Env();
  if (!options.Has(key) || options.Get(key).IsUndefined()) return fallback;
  Napi::Value value = options.Get(key);
  if (!value.IsNumber()) {
    throw Napi::TypeError::New(env, std::string("options.") + key + " must be a number");
  }
  double d = value.As<Napi::Number>().DoubleValue();
  if (!(d >= min && d <= max) || d != static_cast<double>(static_cast<uint32_t>(d))) {
    throw Napi::RangeError::New(env, std::string("options.") + key + " must be an integer from " +
                                         std::to_string(min) + " to " + std::to_string(max));
  }
  return static_cast<uint32_t>(d);
}

int ArgFd(const Napi::CallbackInfo& info, size_t index) {
  Napi::Env env = info.Env();
  if (index >= info.Length() || !info[index].IsNumber()) throw Napi::TypeError::New(env, "fd must be a number");
  double d = info[index].As<Napi::Number>().DoubleValue();
  if (!(d >= 0 && d <= 2147483647.0) || d != static_cast<double>(static_cast<int>(d))) {
    throw Napi::RangeError::New(env, "fd must be a non-negative integer");
  }
  return static_cast<int>(d);
}

uint32_t ArgU32(const Napi::CallbackInfo& info, size_t index, const char* name) {
  Napi::Env env = info.Env();
  if (index >= info.Length() || !info[index].IsNumber()) {
    throw Napi::TypeError::New(env, std::string(name) + " must be a number");
  }
  double d = info[index].As<Napi::Number>().DoubleValue();
  if (!(d >= 0 && d <= 4294967295.0) || d != static_cast<double>(static_cast<uint32_t>(d))) {
    throw Napi::RangeError::New(env, std::string(name) + " must be an integer from 0 to 4294967295");
  }
  return static_cast<uint32_t>(d);
}

ByteView ArgBytes(const Napi::CallbackInfo& info, size_t index, const char* name) {
  Napi::Env env = info.Env();
  if (index >= info.Length() || !info[index].IsTypedArray() ||
      info[index].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw Napi::TypeError::New(env, std::string(name) + " must be a Buffer or Uint8Array");
  }
  auto array = info[index].As<Napi::Uint8Array>();
  return {array.Data(), array.ByteLength()};
}

}  // namespace vexfs
