// ioctl(2) on a file descriptor with a caller-owned argument buffer.
#pragma once
#include <napi.h>

namespace vexfs {

// ioctlSync(fd, request, buffer) -> result. For requests that never block.
Napi::Value IoctlSync(const Napi::CallbackInfo& info);
// ioctl(fd, request, buffer) -> Promise<result>. Runs on a worker thread for
// requests that may wait on the kernel; the buffer is pinned until it settles.
Napi::Value IoctlAsync(const Napi::CallbackInfo& info);

}  // namespace vexfs
