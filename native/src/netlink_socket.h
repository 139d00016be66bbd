// A non-blocking AF_NETLINK socket polled on the Node event loop.
//
// Receiving drains the socket with recvmmsg into a ring of fixed slots that
// JS owns (recvBuffer / recvMeta) and calls JS once per recvmmsg batch, so a
// burst of N messages costs N/batch callbacks, not N. The slot contents are
// valid only during that callback.
#pragma once
#include <linux/netlink.h>
#include <napi.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <uv.h>

#include <cstdint>
#include <vector>

#include "unique_fd.h"

namespace vexfs {

class NetlinkSocket : public Napi::ObjectWrap<NetlinkSocket> {
 public:
  static Napi::Function Init(Napi::Env env);
  explicit NetlinkSocket(const Napi::CallbackInfo& info);
  ~NetlinkSocket() override;

  // Per-slot metadata words in recvMeta.
  static constexpr uint32_t kMetaWords = 4;
  static constexpr uint32_t kMetaLength = 0;
  static constexpr uint32_t kMetaPortId = 1;
  static constexpr uint32_t kMetaGroups = 2;
  static constexpr uint32_t kMetaFlags = 3;
  static constexpr uint32_t kFlagTruncated = 1;

 private:
  // The poll handle outlives this object when GC runs before libuv has
  // finished closing it, so it lives in its own allocation with the fd.
  struct PollState {
    uv_poll_t handle;
    bool initialized = false;
    UniqueFd fd;
    NetlinkSocket* owner;
    // Set while the handle is initialised: an environment being torn down (a worker thread
    // ending) waits for its close, so the addon is not unloaded under a pending close callback.
    napi_async_cleanup_hook_handle teardown = nullptr;
  };

  Napi::Value GetFd(const Napi::CallbackInfo& info);
  Napi::Value GetPortId(const Napi::CallbackInfo& info);
  Napi::Value GetRecvBuffer(const Napi::CallbackInfo& info);
  Napi::Value GetRecvMeta(const Napi::CallbackInfo& info);
  Napi::Value GetSlotSize(const Napi::CallbackInfo& info);
  Napi::Value Bind(const Napi::CallbackInfo& info);
  Napi::Value AddMembership(const Napi::CallbackInfo& info);
  Napi::Value DropMembership(const Napi::CallbackInfo& info);
  Napi::Value SetRecvBufferSize(const Napi::CallbackInfo& info);
  Napi::Value SetSendBufferSize(const Napi::CallbackInfo& info);
  Napi::Value SetExtAck(const Napi::CallbackInfo& info);
  Napi::Value Send(const Napi::CallbackInfo& info);
  Napi::Value SendBatch(const Napi::CallbackInfo& info);
  Napi::Value Start(const Napi::CallbackInfo& info);
  Napi::Value Stop(const Napi::CallbackInfo& info);
  Napi::Value Ref(const Napi::CallbackInfo& info);
  Napi::Value Unref(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);

  int RequireFd(Napi::Env env, const char* syscall) const;
  void SetIntOption(Napi::Env env, int level, int name, int value, const char* what);
  // setsockopt of SOL_SOCKET `forced`, or `capped` when that is not allowed.
  Napi::Value SetBufferSize(const Napi::CallbackInfo& info, int forced, int capped);
  void StopPolling();
  void CloseNow();
  void Drain();
  // Calls a JS handler from a libuv callback; a throw becomes an uncaught exception.
  void CallJs(const Napi::FunctionReference& fn, napi_value arg);
  static void OnPoll(uv_poll_t* handle, int status, int events);
  // The environment is going (a worker thread ending): close, and let it wait for the close.
  static void OnTeardown(napi_async_cleanup_hook_handle handle, void* arg);
  static void OnClosed(uv_handle_t* handle);

  PollState* poll_ = nullptr;
  bool polling_ = false;
  bool handle_ref_ = true;
  uint32_t batch_;
  uint32_t slot_size_;
  uint32_t max_rounds_;
  Napi::Reference<Napi::Buffer<uint8_t>> recv_buffer_;
  Napi::Reference<Napi::Uint32Array> recv_meta_;
  uint8_t* recv_data_ = nullptr;
  uint32_t* meta_data_ = nullptr;
  std::vector<struct mmsghdr> msgs_;
  std::vector<struct iovec> iovs_;
  std::vector<struct sockaddr_nl> addrs_;
  Napi::FunctionReference on_batch_;
  Napi::FunctionReference on_error_;
  Napi::ObjectReference self_;
  napi_async_context async_context_ = nullptr;
};

}  // namespace vexfs
