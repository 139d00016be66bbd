// getsockopt(SO_PEERCRED) on a connected Unix socket: who is on the other end.
#pragma once
#include <napi.h>

namespace vexfs {

// peerCred(fd) -> { pid, uid, gid }.
Napi::Value PeerCred(const Napi::CallbackInfo& info);

}  // namespace vexfs
