// Checked arguments from JavaScript: each error names the argument and what it accepts.
#pragma once

#include <napi.h>

#include <cstddef>
#include <cstdint>

namespace vexfs {

// options[key] as an integer in [min, max]; absent: fallback.
uint32_t OptionU32(const Napi::Object& options, const char* key, uint32_t fallback, uint32_t min, uint32_t max);
// Argument `index` as a file descriptor (0 to INT_MAX).
int ArgFd(const Napi::CallbackInfo& info, size_t index);
// Argument `index` as a u32.
uint32_t ArgU32(const Napi::CallbackInfo& info, size_t index, const char* name);

// A byte view of a Buffer/Uint8Array argument.
struct ByteView {
  uint8_t* data;
  size_t length;
};
ByteView ArgBytes(const Napi::CallbackInfo& info, size_t index, const char* name);

}  // namespace vexfs
