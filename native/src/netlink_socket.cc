#include "netlink_socket.h"

#include <errno.h>
#include <linux/netlink.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <cstring>

#include "args.h"
#include "errno_error.h"

namespace vexfs {

namespace {

constexpr uint32_t kDefaultBatch = 32;
constexpr uint32_t kDefaultSlotSize = 65536;
// recvmmsg rounds per wakeup before yielding to the rest of the event loop.
constexpr uint32_t kDefaultMaxRounds = 8;
constexpr uint32_t kMaxBatch = 1024;

}  // namespace

Napi::Function NetlinkSocket::Init(Napi::Env env) {
  return DefineClass(
      env, "NetlinkSocket",
      {
          InstanceAccessor<&NetlinkSocket::GetFd>("fd"),
          InstanceAccessor<&NetlinkSocket::GetPortId>("portId"),
          InstanceAccessor<&NetlinkSocket::GetRecvBuffer>("recvBuffer"),
          InstanceAccessor<&NetlinkSocket::GetRecvMeta>("recvMeta"),
          InstanceAccessor<&NetlinkSocket::GetSlotSize>("slotSize"),
          InstanceMethod<&NetlinkSocket::Bind>("bind"),
          InstanceMethod<&NetlinkSocket::AddMembership>("addMembership"),
          InstanceMethod<&NetlinkSocket::DropMembership>("dropMembership"),
          InstanceMethod<&NetlinkSocket::SetRecvBufferSize>("setRecvBufferSize"),
          InstanceMethod<&NetlinkSocket::SetSendBufferSize>("setSendBufferSize"),
          InstanceMethod<&NetlinkSocket::SetExtAck>("setExtAck"),
          InstanceMethod<&NetlinkSocket::Send>("send"),
          InstanceMethod<&NetlinkSocket::SendBatch>("sendBatch"),
          InstanceMethod<&NetlinkSocket::Start>("start"),
          InstanceMethod<&NetlinkSocket::Stop>("stop"),
          InstanceMethod<&NetlinkSocket::Ref>("ref"),
          InstanceMethod<&NetlinkSocket::Unref>("unref"),
          InstanceMethod<&NetlinkSocket::Close>("close"),
      });
}

NetlinkSocket::NetlinkSocket(const Napi::CallbackInfo& info) : Napi::ObjectWrap<NetlinkSocket>(info) {
  Napi::Env env = info.Env();
  uint32_t protocol = ArgU32(info, 0, "protocol");
  Napi::Object options = info.Length() > 1 && info[1].IsObject() ? info[1].As<Napi::Object>()
                                                                  : Napi::Object::New(env);
  batch_ = OptionU32(options, "batch", kDefaultBatch, 1, kMaxBatch);
  slot_size_ = OptionU32(options, "slotSize", kDefaultSlotSize, 4096, 1 << 20);
  max_rounds_ = OptionU32(options, "maxRounds", kDefaultMaxRounds, 1, 1024);

  UniqueFd fd(::socket(AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, static_cast<int>(protocol)));
  if (!fd.Valid()) ThrowErrno(env, errno, "socket");

  auto buffer = Napi::Buffer<uint8_t>::New(env, static_cast<size_t>(batch_) * slot_size_);
  auto meta = Napi::Uint32Array::New(env, static_cast<size_t>(batch_) * kMetaWords);
  recv_data_ = buffer.Data();
  meta_data_ = meta.Data();
  recv_buffer_ = Napi::Persistent(buffer);
  recv_meta_ = Napi::Persistent(meta);

  msgs_.resize(batch_);
  iovs_.resize(batch_);
  addrs_.resize(batch_);

  poll_ = new PollState();
  poll_->fd = std::move(fd);
  poll_->owner = this;
  poll_->handle.data = poll_;
}

NetlinkSocket::~NetlinkSocket() { CloseNow(); }

int NetlinkSocket::RequireFd(Napi::Env env, const char* syscall) const {
  if (poll_ == nullptr) ThrowErrno(env, EBADF, syscall);
  return poll_->fd.Get();
}

Napi::Value NetlinkSocket::GetFd(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), poll_ ? poll_->fd.Get() : -1);
}

Napi::Value NetlinkSocket::GetPortId(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int fd = RequireFd(env, "getsockname");
  struct sockaddr_nl addr;
  socklen_t len = sizeof(addr);
  std::memset(&addr, 0, sizeof(addr));
  if (::getsockname(fd, reinterpret_cast<struct sockaddr*>(&addr), &len) < 0) {
    ThrowErrno(env, errno, "getsockname");
  }
  return Napi::Number::New(env, addr.nl_pid);
}

Napi::Value NetlinkSocket::GetRecvBuffer(const Napi::CallbackInfo&) { return recv_buffer_.Value(); }
Napi::Value NetlinkSocket::GetRecvMeta(const Napi::CallbackInfo&) { return recv_meta_.Value(); }
Napi::Value NetlinkSocket::GetSlotSize(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), slot_size_);
}

Napi::Value NetlinkSocket::Bind(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  uint32_t port_id = ArgU32(info, 0, "portId");
  uint32_t groups = info.Length() > 1 ? ArgU32(info, 1, "groups") : 0;
  int fd = RequireFd(env, "bind");
  struct sockaddr_nl addr;
  std::memset(&addr, 0, sizeof(addr));
  addr.nl_family = AF_NETLINK;
  addr.nl_pid = port_id;
  addr.nl_groups = groups;
  if (::bind(fd, reinterpret_cast<struct sockaddr*>(&addr), sizeof(addr)) < 0) ThrowErrno(env, errno, "bind");
  return env.Undefined();
}

// send(buffer, offset, length, destPort, destGroups) -> bytes sent
Napi::Value NetlinkSocket::Send(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  ByteView bytes = ArgBytes(info, 0, "buffer");
  uint32_t offset = ArgU32(info, 1, "offset");
  uint32_t length = ArgU32(info, 2, "length");
  uint32_t port = ArgU32(info, 3, "destPort");
  uint32_t groups = ArgU32(info, 4, "destGroups");
  if (static_cast<size_t>(offset) + length > bytes.length) {
    throw Napi::RangeError::New(env, "offset + length exceeds the buffer");
  }
  int fd = RequireFd(env, "sendto");
  struct sockaddr_nl addr;
  std::memset(&addr, 0, sizeof(addr));
  addr.nl_family = AF_NETLINK;
  addr.nl_pid = port;
  addr.nl_groups = groups;
  ssize_t n;
  do {
    n = ::sendto(fd, bytes.data + offset, length, 0, reinterpret_cast<struct sockaddr*>(&addr), sizeof(addr));
  } while (n < 0 && errno == EINTR);
  if (n < 0) ThrowErrno(env, errno, "sendto");
  return Napi::Number::New(env, static_cast<double>(n));
}

// sendBatch(buffer, lengths: Uint32Array, count, destPort, destGroups) -> datagrams sent.
// Datagram i is the lengths[i] bytes that follow datagram i-1 in buffer.
// Returns fewer than count when the socket stops accepting part-way; throws
// only when not even the first datagram was sent.
Napi::Value NetlinkSocket::SendBatch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  ByteView bytes = ArgBytes(info, 0, "buffer");
  if (info.Length() < 2 || !info[1].IsTypedArray() ||
      info[1].As<Napi::TypedArray>().TypedArrayType() != napi_uint32_array) {
    throw Napi::TypeError::New(env, "lengths must be a Uint32Array");
  }
  auto lengths = info[1].As<Napi::Uint32Array>();
  uint32_t count = ArgU32(info, 2, "count");
  uint32_t port = ArgU32(info, 3, "destPort");
  uint32_t groups = ArgU32(info, 4, "destGroups");
  if (count > lengths.ElementLength()) throw Napi::RangeError::New(env, "count exceeds lengths");
  if (count > kMaxBatch) throw Napi::RangeError::New(env, "count must be at most 1024");
  int fd = RequireFd(env, "sendmmsg");
  if (count == 0) return Napi::Number::New(env, 0);

  struct sockaddr_nl addr;
  std::memset(&addr, 0, sizeof(addr));
  addr.nl_family = AF_NETLINK;
  addr.nl_pid = port;
  addr.nl_groups = groups;

  std::vector<struct mmsghdr> msgs(count);
  std::vector<struct iovec> iovs(count);
  size_t offset = 0;
  for (uint32_t i = 0; i < count; i++) {
    size_t len = lengths[i];
    if (offset + len > bytes.length) throw Napi::RangeError::New(env, "lengths exceed the buffer");
    iovs[i].iov_base = bytes.data + offset;
    iovs[i].iov_len = len;
    std::memset(&msgs[i], 0, sizeof(msgs[i]));
    msgs[i].msg_hdr.msg_name = &addr;
    msgs[i].msg_hdr.msg_namelen = sizeof(addr);
    msgs[i].msg_hdr.msg_iov = &iovs[i];
    msgs[i].msg_hdr.msg_iovlen = 1;
    offset += len;
  }
  uint32_t sent = 0;
  while (sent < count) {
    int n = ::sendmmsg(fd, msgs.data() + sent, count - sent, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (sent == 0) ThrowErrno(env, errno, "sendmmsg");
      break;
    }
    sent += static_cast<uint32_t>(n);
  }
  return Napi::Number::New(env, sent);
}

// start(onBatch(count), onError(err)): poll for input and deliver batches.
Napi::Value NetlinkSocket::Start(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[0].IsFunction() || !info[1].IsFunction()) {
    throw Napi::TypeError::New(env, "start(onBatch, onError) needs two functions");
  }
  RequireFd(env, "uv_poll_start");
  if (polling_) throw Napi::Error::New(env, "the socket is already receiving");
  on_batch_ = Napi::Persistent(info[0].As<Napi::Function>());
  on_error_ = Napi::Persistent(info[1].As<Napi::Function>());
  if (!poll_->initialized) {
    uv_loop_t* loop = nullptr;
    if (napi_get_uv_event_loop(env, &loop) != napi_ok) throw Napi::Error::New(env, "no event loop");
    int rc = uv_poll_init_socket(loop, &poll_->handle, poll_->fd.Get());
    if (rc < 0) ThrowErrno(env, -rc, "uv_poll_init");
    poll_->initialized = true;
    if (napi_add_async_cleanup_hook(env, OnTeardown, poll_, &poll_->teardown) != napi_ok) poll_->teardown = nullptr;
  }
  int rc = uv_poll_start(&poll_->handle, UV_READABLE, OnPoll);
  if (rc < 0) ThrowErrno(env, -rc, "uv_poll_start");
  if (!handle_ref_) uv_unref(reinterpret_cast<uv_handle_t*>(&poll_->handle));
  polling_ = true;
  napi_value resource_name = Napi::String::New(env, "VexfsNetlinkSocket");
  if (napi_async_init(env, Value(), resource_name, &async_context_) != napi_ok) async_context_ = nullptr;
  // While receiving, the poll handle points at this object: keep it alive.
  self_ = Napi::Persistent(Value());
  return env.Undefined();
}

void NetlinkSocket::OnTeardown(napi_async_cleanup_hook_handle /*handle*/, void* arg) {
  auto* state = static_cast<PollState*>(arg);
  // Still open: close it now (OnClosed then lets the teardown go on). Already closing: OnClosed will.
  if (state->owner != nullptr) state->owner->CloseNow();
}

void NetlinkSocket::StopPolling() {
  if (!polling_) return;
  polling_ = false;
  uv_poll_stop(&poll_->handle);
  on_batch_.Reset();
  on_error_.Reset();
  self_.Reset();
  if (async_context_ != nullptr) {
    napi_async_destroy(Env(), async_context_);
    async_context_ = nullptr;
  }
}

Napi::Value NetlinkSocket::Stop(const Napi::CallbackInfo& info) {
  if (poll_ != nullptr) StopPolling();
  return info.Env().Undefined();
}

Napi::Value NetlinkSocket::Ref(const Napi::CallbackInfo& info) {
  handle_ref_ = true;
  if (poll_ != nullptr && poll_->initialized) uv_ref(reinterpret_cast<uv_handle_t*>(&poll_->handle));
  return info.Env().Undefined();
}

Napi::Value NetlinkSocket::Unref(const Napi::CallbackInfo& info) {
  handle_ref_ = false;
  if (poll_ != nullptr && poll_->initialized) uv_unref(reinterpret_cast<uv_handle_t*>(&poll_->handle));
  return info.Env().Undefined();
}

void NetlinkSocket::CloseNow() {
  if (poll_ == nullptr) return;
  StopPolling();
  PollState* state = poll_;
  poll_ = nullptr;
  state->owner = nullptr;
  if (state->initialized) {
    // libuv requires the fd to stay open until the handle is closed; the
    // close callback closes the fd and frees the state.
    uv_close(reinterpret_cast<uv_handle_t*>(&state->handle), OnClosed);
  } else {
    delete state;
  }
}

void NetlinkSocket::OnClosed(uv_handle_t* handle) {
  auto* state = static_cast<PollState*>(handle->data);
  napi_async_cleanup_hook_handle teardown = state->teardown;
  delete state;
  if (teardown != nullptr) napi_remove_async_cleanup_hook(teardown);
}

Napi::Value NetlinkSocket::Close(const Napi::CallbackInfo& info) {
  CloseNow();
  return info.Env().Undefined();
}

void NetlinkSocket::OnPoll(uv_poll_t* handle, int status, int /*events*/) {
  auto* state = static_cast<PollState*>(handle->data);
  NetlinkSocket* self = state->owner;
  if (self == nullptr || !self->polling_) return;
  Napi::Env env = self->Env();
  // An environment that can no longer run JavaScript (a worker thread being terminated) makes
  // node-addon-api throw here, outside any JS call: the socket stops rather than the process.
  try {
    Napi::HandleScope scope(env);
    if (status < 0) {
      self->CallJs(self->on_error_, ErrnoError(env, -status, "uv_poll").Value());
      return;
    }
    self->Drain();
  } catch (const Napi::Error&) {
    self->CloseNow();
  }
}

void NetlinkSocket::CallJs(const Napi::FunctionReference& fn, napi_value arg) {
  napi_env env = Env();
  napi_value result;
  napi_value argv[1] = {arg};
  napi_status status = napi_make_callback(env, async_context_, Value(), fn.Value(), 1, argv, &result);
  if (status == napi_pending_exception) {
    napi_value exception;
    napi_get_and_clear_last_exception(env, &exception);
    napi_fatal_exception(env, exception);
  }
}

void NetlinkSocket::Drain() {
  Napi::Env env = Env();
  for (uint32_t round = 0; round < max_rounds_; round++) {
    for (uint32_t i = 0; i < batch_; i++) {
      iovs_[i].iov_base = recv_data_ + static_cast<size_t>(i) * slot_size_;
      iovs_[i].iov_len = slot_size_;
      std::memset(&msgs_[i], 0, sizeof(msgs_[i]));
      msgs_[i].msg_hdr.msg_name = &addrs_[i];
      msgs_[i].msg_hdr.msg_namelen = sizeof(addrs_[i]);
      msgs_[i].msg_hdr.msg_iov = &iovs_[i];
      msgs_[i].msg_hdr.msg_iovlen = 1;
    }
    int n = ::recvmmsg(poll_->fd.Get(), msgs_.data(), batch_, MSG_DONTWAIT, nullptr);
    if (n < 0) {
      int err = errno;
      if (err == EAGAIN || err == EWOULDBLOCK) return;
      if (err == EINTR) continue;
      // ENOBUFS: the kernel dropped messages because the receive buffer was
      // full. It is reported once and the socket stays usable.
      CallJs(on_error_, ErrnoError(env, err, "recvmmsg").Value());
      if (!polling_ || poll_ == nullptr) return;
      if (err == ENOBUFS) continue;
      return;
    }
    for (int i = 0; i < n; i++) {
      uint32_t* meta = meta_data_ + static_cast<size_t>(i) * kMetaWords;
      meta[kMetaLength] = msgs_[i].msg_len;
      meta[kMetaPortId] = addrs_[i].nl_pid;
      meta[kMetaGroups] = addrs_[i].nl_groups;
      meta[kMetaFlags] = (msgs_[i].msg_hdr.msg_flags & MSG_TRUNC) ? kFlagTruncated : 0;
    }
    CallJs(on_batch_, Napi::Number::New(env, n));
    // The handler may have stopped or closed the socket.
    if (!polling_ || poll_ == nullptr) return;
    if (static_cast<uint32_t>(n) < batch_) return;
  }
}

}  // namespace vexfs
