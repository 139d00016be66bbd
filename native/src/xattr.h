// getxattr(2): an extended attribute of a file (the filesystem hook's vectors).
#pragma once
#include <napi.h>

namespace vexfs {

// getxattr(path, name) -> Buffer, or null when the file has no such attribute (ENODATA).
Napi::Value GetXattr(const Napi::CallbackInfo& info);

}  // namespace vexfs
