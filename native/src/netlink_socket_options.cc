// Socket options of a NetlinkSocket: memberships, buffer sizes, extended ACKs.
#include <errno.h>
#include <linux/netlink.h>
#include <sys/socket.h>

#include "args.h"
#include "errno_error.h"
#include "netlink_socket.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

namespace vexfs {

void NetlinkSocket::SetIntOption(Napi::Env env, int level, int name, int value, const char* what) {
  int fd = RequireFd(env, "setsockopt");
  if (::setsockopt(fd, level, name, &value, sizeof(value)) < 0) ThrowErrno(env, errno, what);
}

Napi::Value NetlinkSocket::AddMembership(const Napi::CallbackInfo& info) {
  SetIntOption(info.Env(), SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, static_cast<int>(ArgU32(info, 0, "group")),
               "setsockopt");
  return info.Env().Undefined();
}

Napi::Value NetlinkSocket::DropMembership(const Napi::CallbackInfo& info) {
  SetIntOption(info.Env(), SOL_NETLINK, NETLINK_DROP_MEMBERSHIP, static_cast<int>(ArgU32(info, 0, "group")),
               "setsockopt");
  return info.Env().Undefined();
}

// With privilege the *FORCE variants lift the rmem_max/wmem_max caps; without,
// the capped size still applies, which is the best an unprivileged process gets.
Napi::Value NetlinkSocket::SetBufferSize(const Napi::CallbackInfo& info, int forced, int capped) {
  Napi::Env env = info.Env();
  int size = static_cast<int>(ArgU32(info, 0, "size"));
  int fd = RequireFd(env, "setsockopt");
  if (::setsockopt(fd, SOL_SOCKET, forced, &size, sizeof(size)) < 0 &&
      ::setsockopt(fd, SOL_SOCKET, capped, &size, sizeof(size)) < 0) {
    ThrowErrno(env, errno, "setsockopt");
  }
  return env.Undefined();
}

Napi::Value NetlinkSocket::SetRecvBufferSize(const Napi::CallbackInfo& info) {
  return SetBufferSize(info, SO_RCVBUFFORCE, SO_RCVBUF);
}

Napi::Value NetlinkSocket::SetSendBufferSize(const Napi::CallbackInfo& info) {
  return SetBufferSize(info, SO_SNDBUFFORCE, SO_SNDBUF);
}

Napi::Value NetlinkSocket::SetExtAck(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int on = info.Length() > 0 && info[0].ToBoolean().Value() ? 1 : 0;
  SetIntOption(env, SOL_NETLINK, NETLINK_EXT_ACK, on, "setsockopt");
  return env.Undefined();
}

}  // namespace vexfs
