// vexfs_native: syscalls and marshalling for vexfs-bridge. Logic lives in TypeScript.
#include <napi.h>

#include "ioctl.h"
#include "netlink_socket.h"
#include "peer_cred.h"
#include "xattr.h"

namespace {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("NetlinkSocket", vexfs::NetlinkSocket::Init(env));
  exports.Set("ioctlSync", Napi::Function::New(env, vexfs::IoctlSync, "ioctlSync"));
  exports.Set("ioctl", Napi::Function::New(env, vexfs::IoctlAsync, "ioctl"));
  exports.Set("peerCred", Napi::Function::New(env, vexfs::PeerCred, "peerCred"));
  exports.Set("getxattr", Napi::Function::New(env, vexfs::GetXattr, "getxattr"));
  return exports;
}

}  // namespace

NODE_API_MODULE(vexfs_native, Init)
