import * as $protobuf from "protobufjs";
import Long = require("long");
/** Namespace vexfs. */
export namespace vexfs {

    /** Namespace bridge. */
    namespace bridge {

        /** Namespace v1. */
        namespace v1 {

            /** Properties of a ServiceInfo. */
            interface IServiceInfo {

                /** ServiceInfo id */
                id?: (string|null);

                /** ServiceInfo name */
                name?: (string|null);

                /** ServiceInfo version */
                version?: (string|null);

                /** ServiceInfo dimensions */
                dimensions?: (number[]|null);

                /** ServiceInfo dataTypes */
                dataTypes?: (number|null);

                /** ServiceInfo models */
                models?: (string[]|null);

                /** ServiceInfo maxBatchSize */
                maxBatchSize?: (number|null);

                /** ServiceInfo priority */
                priority?: (number|null);

                /** ServiceInfo endpoint */
                endpoint?: (string|null);

                /** ServiceInfo metadata */
                metadata?: ({ [k: string]: string }|null);
            }

            /** Represents a ServiceInfo. */
            class ServiceInfo implements IServiceInfo {

                /**
                 * Constructs a new ServiceInfo.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IServiceInfo);

                /** ServiceInfo id. */
                public id: string;

                /** ServiceInfo name. */
                public name: string;

                /** ServiceInfo version. */
                public version: string;

                /** ServiceInfo dimensions. */
                public dimensions: number[];

                /** ServiceInfo dataTypes. */
                public dataTypes: number;

                /** ServiceInfo models. */
                public models: string[];

                /** ServiceInfo maxBatchSize. */
                public maxBatchSize: number;

                /** ServiceInfo priority. */
                public priority: number;

                /** ServiceInfo endpoint. */
                public endpoint: string;

                /** ServiceInfo metadata. */
                public metadata: { [k: string]: string };

                /**
                 * Creates a new ServiceInfo instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ServiceInfo instance
                 */
                public static create(properties?: vexfs.bridge.v1.IServiceInfo): vexfs.bridge.v1.ServiceInfo;

                /**
                 * Encodes the specified ServiceInfo message. Does not implicitly {@link vexfs.bridge.v1.ServiceInfo.verify|verify} messages.
                 * @param m ServiceInfo message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IServiceInfo, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ServiceInfo message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns ServiceInfo
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.ServiceInfo;

                /**
                 * Creates a ServiceInfo message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns ServiceInfo
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.ServiceInfo;

                /**
                 * Creates a plain object from a ServiceInfo message. Also converts values to other types if specified.
                 * @param m ServiceInfo
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.ServiceInfo, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ServiceInfo to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for ServiceInfo
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a Hello. */
            interface IHello {

                /** Hello serviceId */
                serviceId?: (string|null);
            }

            /** Represents a Hello. */
            class Hello implements IHello {

                /**
                 * Constructs a new Hello.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IHello);

                /** Hello serviceId. */
                public serviceId: string;

                /**
                 * Creates a new Hello instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Hello instance
                 */
                public static create(properties?: vexfs.bridge.v1.IHello): vexfs.bridge.v1.Hello;

                /**
                 * Encodes the specified Hello message. Does not implicitly {@link vexfs.bridge.v1.Hello.verify|verify} messages.
                 * @param m Hello message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IHello, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Hello message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns Hello
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.Hello;

                /**
                 * Creates a Hello message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns Hello
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.Hello;

                /**
                 * Creates a plain object from a Hello message. Also converts values to other types if specified.
                 * @param m Hello
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.Hello, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Hello to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for Hello
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a Heartbeat. */
            interface IHeartbeat {

                /** Heartbeat serviceId */
                serviceId?: (string|null);

                /** Heartbeat activeRequests */
                activeRequests?: (number|null);

                /** Heartbeat cpuPermille */
                cpuPermille?: (number|null);

                /** Heartbeat rssKib */
                rssKib?: (number|null);
            }

            /** Represents a Heartbeat. */
            class Heartbeat implements IHeartbeat {

                /**
                 * Constructs a new Heartbeat.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IHeartbeat);

                /** Heartbeat serviceId. */
                public serviceId: string;

                /** Heartbeat activeRequests. */
                public activeRequests: number;

                /** Heartbeat cpuPermille. */
                public cpuPermille: number;

                /** Heartbeat rssKib. */
                public rssKib: number;

                /**
                 * Creates a new Heartbeat instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Heartbeat instance
                 */
                public static create(properties?: vexfs.bridge.v1.IHeartbeat): vexfs.bridge.v1.Heartbeat;

                /**
                 * Encodes the specified Heartbeat message. Does not implicitly {@link vexfs.bridge.v1.Heartbeat.verify|verify} messages.
                 * @param m Heartbeat message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IHeartbeat, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Heartbeat message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns Heartbeat
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.Heartbeat;

                /**
                 * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns Heartbeat
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.Heartbeat;

                /**
                 * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
                 * @param m Heartbeat
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.Heartbeat, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Heartbeat to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for Heartbeat
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of an EmbedBatchRequest. */
            interface IEmbedBatchRequest {

                /** EmbedBatchRequest batchId */
                batchId?: (number|null);

                /** EmbedBatchRequest model */
                model?: (string|null);

                /** EmbedBatchRequest dimensions */
                dimensions?: (number|null);

                /** EmbedBatchRequest inputs */
                inputs?: (Uint8Array[]|null);

                /** EmbedBatchRequest tracePrefix */
                tracePrefix?: (Uint8Array|null);

                /** EmbedBatchRequest timeoutMs */
                timeoutMs?: (number|null);

                /** EmbedBatchRequest traceRequestIds */
                traceRequestIds?: (Uint8Array|null);

                /** EmbedBatchRequest traceSpanIds */
                traceSpanIds?: (Uint8Array|null);

                /** EmbedBatchRequest priority */
                priority?: (number|null);
            }

            /** Represents an EmbedBatchRequest. */
            class EmbedBatchRequest implements IEmbedBatchRequest {

                /**
                 * Constructs a new EmbedBatchRequest.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IEmbedBatchRequest);

                /** EmbedBatchRequest batchId. */
                public batchId: number;

                /** EmbedBatchRequest model. */
                public model: string;

                /** EmbedBatchRequest dimensions. */
                public dimensions: number;

                /** EmbedBatchRequest inputs. */
                public inputs: Uint8Array[];

                /** EmbedBatchRequest tracePrefix. */
                public tracePrefix: Uint8Array;

                /** EmbedBatchRequest timeoutMs. */
                public timeoutMs: number;

                /** EmbedBatchRequest traceRequestIds. */
                public traceRequestIds: Uint8Array;

                /** EmbedBatchRequest traceSpanIds. */
                public traceSpanIds: Uint8Array;

                /** EmbedBatchRequest priority. */
                public priority: number;

                /**
                 * Creates a new EmbedBatchRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns EmbedBatchRequest instance
                 */
                public static create(properties?: vexfs.bridge.v1.IEmbedBatchRequest): vexfs.bridge.v1.EmbedBatchRequest;

                /**
                 * Encodes the specified EmbedBatchRequest message. Does not implicitly {@link vexfs.bridge.v1.EmbedBatchRequest.verify|verify} messages.
                 * @param m EmbedBatchRequest message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IEmbedBatchRequest, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an EmbedBatchRequest message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns EmbedBatchRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.EmbedBatchRequest;

                /**
                 * Creates an EmbedBatchRequest message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns EmbedBatchRequest
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.EmbedBatchRequest;

                /**
                 * Creates a plain object from an EmbedBatchRequest message. Also converts values to other types if specified.
                 * @param m EmbedBatchRequest
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.EmbedBatchRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this EmbedBatchRequest to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for EmbedBatchRequest
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of an ItemError. */
            interface IItemError {

                /** ItemError code */
                code?: (number|null);

                /** ItemError message */
                message?: (string|null);
            }

            /** Represents an ItemError. */
            class ItemError implements IItemError {

                /**
                 * Constructs a new ItemError.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IItemError);

                /** ItemError code. */
                public code: number;

                /** ItemError message. */
                public message: string;

                /**
                 * Creates a new ItemError instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ItemError instance
                 */
                public static create(properties?: vexfs.bridge.v1.IItemError): vexfs.bridge.v1.ItemError;

                /**
                 * Encodes the specified ItemError message. Does not implicitly {@link vexfs.bridge.v1.ItemError.verify|verify} messages.
                 * @param m ItemError message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IItemError, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ItemError message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns ItemError
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.ItemError;

                /**
                 * Creates an ItemError message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns ItemError
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.ItemError;

                /**
                 * Creates a plain object from an ItemError message. Also converts values to other types if specified.
                 * @param m ItemError
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.ItemError, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ItemError to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for ItemError
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of an EmbedResult. */
            interface IEmbedResult {

                /** EmbedResult vector */
                vector?: (Uint8Array|null);

                /** EmbedResult error */
                error?: (vexfs.bridge.v1.IItemError|null);

                /** EmbedResult traceparent */
                traceparent?: (string|null);

                /** EmbedResult truncated */
                truncated?: (boolean|null);
            }

            /** Represents an EmbedResult. */
            class EmbedResult implements IEmbedResult {

                /**
                 * Constructs a new EmbedResult.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IEmbedResult);

                /** EmbedResult vector. */
                public vector: Uint8Array;

                /** EmbedResult error. */
                public error?: (vexfs.bridge.v1.IItemError|null);

                /** EmbedResult traceparent. */
                public traceparent: string;

                /** EmbedResult truncated. */
                public truncated: boolean;

                /**
                 * Creates a new EmbedResult instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns EmbedResult instance
                 */
                public static create(properties?: vexfs.bridge.v1.IEmbedResult): vexfs.bridge.v1.EmbedResult;

                /**
                 * Encodes the specified EmbedResult message. Does not implicitly {@link vexfs.bridge.v1.EmbedResult.verify|verify} messages.
                 * @param m EmbedResult message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IEmbedResult, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an EmbedResult message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns EmbedResult
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.EmbedResult;

                /**
                 * Creates an EmbedResult message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns EmbedResult
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.EmbedResult;

                /**
                 * Creates a plain object from an EmbedResult message. Also converts values to other types if specified.
                 * @param m EmbedResult
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.EmbedResult, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this EmbedResult to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for EmbedResult
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of an EmbedBatchResponse. */
            interface IEmbedBatchResponse {

                /** EmbedBatchResponse batchId */
                batchId?: (number|null);

                /** EmbedBatchResponse results */
                results?: (vexfs.bridge.v1.IEmbedResult[]|null);

                /** EmbedBatchResponse error */
                error?: (vexfs.bridge.v1.IItemError|null);

                /** EmbedBatchResponse model */
                model?: (string|null);

                /** EmbedBatchResponse modelVersion */
                modelVersion?: (string|null);
            }

            /** Represents an EmbedBatchResponse. */
            class EmbedBatchResponse implements IEmbedBatchResponse {

                /**
                 * Constructs a new EmbedBatchResponse.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IEmbedBatchResponse);

                /** EmbedBatchResponse batchId. */
                public batchId: number;

                /** EmbedBatchResponse results. */
                public results: vexfs.bridge.v1.IEmbedResult[];

                /** EmbedBatchResponse error. */
                public error?: (vexfs.bridge.v1.IItemError|null);

                /** EmbedBatchResponse model. */
                public model: string;

                /** EmbedBatchResponse modelVersion. */
                public modelVersion: string;

                /**
                 * Creates a new EmbedBatchResponse instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns EmbedBatchResponse instance
                 */
                public static create(properties?: vexfs.bridge.v1.IEmbedBatchResponse): vexfs.bridge.v1.EmbedBatchResponse;

                /**
                 * Encodes the specified EmbedBatchResponse message. Does not implicitly {@link vexfs.bridge.v1.EmbedBatchResponse.verify|verify} messages.
                 * @param m EmbedBatchResponse message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IEmbedBatchResponse, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an EmbedBatchResponse message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns EmbedBatchResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.EmbedBatchResponse;

                /**
                 * Creates an EmbedBatchResponse message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns EmbedBatchResponse
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.EmbedBatchResponse;

                /**
                 * Creates a plain object from an EmbedBatchResponse message. Also converts values to other types if specified.
                 * @param m EmbedBatchResponse
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.EmbedBatchResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this EmbedBatchResponse to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for EmbedBatchResponse
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a HealthCheck. */
            interface IHealthCheck {

                /** HealthCheck id */
                id?: (number|null);
            }

            /** Represents a HealthCheck. */
            class HealthCheck implements IHealthCheck {

                /**
                 * Constructs a new HealthCheck.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IHealthCheck);

                /** HealthCheck id. */
                public id: number;

                /**
                 * Creates a new HealthCheck instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns HealthCheck instance
                 */
                public static create(properties?: vexfs.bridge.v1.IHealthCheck): vexfs.bridge.v1.HealthCheck;

                /**
                 * Encodes the specified HealthCheck message. Does not implicitly {@link vexfs.bridge.v1.HealthCheck.verify|verify} messages.
                 * @param m HealthCheck message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IHealthCheck, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a HealthCheck message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns HealthCheck
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.HealthCheck;

                /**
                 * Creates a HealthCheck message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns HealthCheck
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.HealthCheck;

                /**
                 * Creates a plain object from a HealthCheck message. Also converts values to other types if specified.
                 * @param m HealthCheck
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.HealthCheck, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this HealthCheck to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for HealthCheck
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a HealthCheckResult. */
            interface IHealthCheckResult {

                /** HealthCheckResult id */
                id?: (number|null);

                /** HealthCheckResult healthy */
                healthy?: (boolean|null);

                /** HealthCheckResult message */
                message?: (string|null);
            }

            /** Represents a HealthCheckResult. */
            class HealthCheckResult implements IHealthCheckResult {

                /**
                 * Constructs a new HealthCheckResult.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IHealthCheckResult);

                /** HealthCheckResult id. */
                public id: number;

                /** HealthCheckResult healthy. */
                public healthy: boolean;

                /** HealthCheckResult message. */
                public message: string;

                /**
                 * Creates a new HealthCheckResult instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns HealthCheckResult instance
                 */
                public static create(properties?: vexfs.bridge.v1.IHealthCheckResult): vexfs.bridge.v1.HealthCheckResult;

                /**
                 * Encodes the specified HealthCheckResult message. Does not implicitly {@link vexfs.bridge.v1.HealthCheckResult.verify|verify} messages.
                 * @param m HealthCheckResult message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IHealthCheckResult, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a HealthCheckResult message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns HealthCheckResult
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.HealthCheckResult;

                /**
                 * Creates a HealthCheckResult message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns HealthCheckResult
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.HealthCheckResult;

                /**
                 * Creates a plain object from a HealthCheckResult message. Also converts values to other types if specified.
                 * @param m HealthCheckResult
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.HealthCheckResult, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this HealthCheckResult to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for HealthCheckResult
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a Stopping. */
            interface IStopping {

                /** Stopping drainMs */
                drainMs?: (number|null);
            }

            /** Represents a Stopping. */
            class Stopping implements IStopping {

                /**
                 * Constructs a new Stopping.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IStopping);

                /** Stopping drainMs. */
                public drainMs: number;

                /**
                 * Creates a new Stopping instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Stopping instance
                 */
                public static create(properties?: vexfs.bridge.v1.IStopping): vexfs.bridge.v1.Stopping;

                /**
                 * Encodes the specified Stopping message. Does not implicitly {@link vexfs.bridge.v1.Stopping.verify|verify} messages.
                 * @param m Stopping message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IStopping, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Stopping message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns Stopping
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.Stopping;

                /**
                 * Creates a Stopping message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns Stopping
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.Stopping;

                /**
                 * Creates a plain object from a Stopping message. Also converts values to other types if specified.
                 * @param m Stopping
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.Stopping, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Stopping to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for Stopping
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a ServiceFrame. */
            interface IServiceFrame {

                /** ServiceFrame hello */
                hello?: (vexfs.bridge.v1.IHello|null);

                /** ServiceFrame heartbeat */
                heartbeat?: (vexfs.bridge.v1.IHeartbeat|null);

                /** ServiceFrame request */
                request?: (vexfs.bridge.v1.IEmbedBatchRequest|null);

                /** ServiceFrame response */
                response?: (vexfs.bridge.v1.IEmbedBatchResponse|null);

                /** ServiceFrame healthCheck */
                healthCheck?: (vexfs.bridge.v1.IHealthCheck|null);

                /** ServiceFrame healthResult */
                healthResult?: (vexfs.bridge.v1.IHealthCheckResult|null);

                /** ServiceFrame stopping */
                stopping?: (vexfs.bridge.v1.IStopping|null);
            }

            /** Represents a ServiceFrame. */
            class ServiceFrame implements IServiceFrame {

                /**
                 * Constructs a new ServiceFrame.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IServiceFrame);

                /** ServiceFrame hello. */
                public hello?: (vexfs.bridge.v1.IHello|null);

                /** ServiceFrame heartbeat. */
                public heartbeat?: (vexfs.bridge.v1.IHeartbeat|null);

                /** ServiceFrame request. */
                public request?: (vexfs.bridge.v1.IEmbedBatchRequest|null);

                /** ServiceFrame response. */
                public response?: (vexfs.bridge.v1.IEmbedBatchResponse|null);

                /** ServiceFrame healthCheck. */
                public healthCheck?: (vexfs.bridge.v1.IHealthCheck|null);

                /** ServiceFrame healthResult. */
                public healthResult?: (vexfs.bridge.v1.IHealthCheckResult|null);

                /** ServiceFrame stopping. */
                public stopping?: (vexfs.bridge.v1.IStopping|null);

                /** ServiceFrame body. */
                public body?: ("hello"|"heartbeat"|"request"|"response"|"healthCheck"|"healthResult"|"stopping");

                /**
                 * Creates a new ServiceFrame instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ServiceFrame instance
                 */
                public static create(properties?: vexfs.bridge.v1.IServiceFrame): vexfs.bridge.v1.ServiceFrame;

                /**
                 * Encodes the specified ServiceFrame message. Does not implicitly {@link vexfs.bridge.v1.ServiceFrame.verify|verify} messages.
                 * @param m ServiceFrame message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IServiceFrame, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ServiceFrame message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns ServiceFrame
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.ServiceFrame;

                /**
                 * Creates a ServiceFrame message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns ServiceFrame
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.ServiceFrame;

                /**
                 * Creates a plain object from a ServiceFrame message. Also converts values to other types if specified.
                 * @param m ServiceFrame
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.ServiceFrame, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ServiceFrame to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for ServiceFrame
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of an EmbedCall. */
            interface IEmbedCall {

                /** EmbedCall input */
                input?: (Uint8Array|null);

                /** EmbedCall model */
                model?: (string|null);

                /** EmbedCall dimensions */
                dimensions?: (number|null);

                /** EmbedCall dataType */
                dataType?: (number|null);

                /** EmbedCall priority */
                priority?: (number|null);

                /** EmbedCall timeoutMs */
                timeoutMs?: (number|null);

                /** EmbedCall sessionKey */
                sessionKey?: (string|null);
            }

            /** Represents an EmbedCall. */
            class EmbedCall implements IEmbedCall {

                /**
                 * Constructs a new EmbedCall.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IEmbedCall);

                /** EmbedCall input. */
                public input: Uint8Array;

                /** EmbedCall model. */
                public model: string;

                /** EmbedCall dimensions. */
                public dimensions: number;

                /** EmbedCall dataType. */
                public dataType: number;

                /** EmbedCall priority. */
                public priority: number;

                /** EmbedCall timeoutMs. */
                public timeoutMs: number;

                /** EmbedCall sessionKey. */
                public sessionKey: string;

                /**
                 * Creates a new EmbedCall instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns EmbedCall instance
                 */
                public static create(properties?: vexfs.bridge.v1.IEmbedCall): vexfs.bridge.v1.EmbedCall;

                /**
                 * Encodes the specified EmbedCall message. Does not implicitly {@link vexfs.bridge.v1.EmbedCall.verify|verify} messages.
                 * @param m EmbedCall message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IEmbedCall, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an EmbedCall message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns EmbedCall
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.EmbedCall;

                /**
                 * Creates an EmbedCall message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns EmbedCall
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.EmbedCall;

                /**
                 * Creates a plain object from an EmbedCall message. Also converts values to other types if specified.
                 * @param m EmbedCall
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.EmbedCall, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this EmbedCall to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for EmbedCall
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of an EmbedOutcome. */
            interface IEmbedOutcome {

                /** EmbedOutcome requestId */
                requestId?: (number|null);

                /** EmbedOutcome status */
                status?: (number|null);

                /** EmbedOutcome vector */
                vector?: (Uint8Array|null);

                /** EmbedOutcome processingNs */
                processingNs?: (number|null);

                /** EmbedOutcome serviceId */
                serviceId?: (string|null);

                /** EmbedOutcome model */
                model?: (string|null);

                /** EmbedOutcome modelVersion */
                modelVersion?: (string|null);

                /** EmbedOutcome truncated */
                truncated?: (boolean|null);
            }

            /** Represents an EmbedOutcome. */
            class EmbedOutcome implements IEmbedOutcome {

                /**
                 * Constructs a new EmbedOutcome.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IEmbedOutcome);

                /** EmbedOutcome requestId. */
                public requestId: number;

                /** EmbedOutcome status. */
                public status: number;

                /** EmbedOutcome vector. */
                public vector: Uint8Array;

                /** EmbedOutcome processingNs. */
                public processingNs: number;

                /** EmbedOutcome serviceId. */
                public serviceId: string;

                /** EmbedOutcome model. */
                public model: string;

                /** EmbedOutcome modelVersion. */
                public modelVersion: string;

                /** EmbedOutcome truncated. */
                public truncated: boolean;

                /**
                 * Creates a new EmbedOutcome instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns EmbedOutcome instance
                 */
                public static create(properties?: vexfs.bridge.v1.IEmbedOutcome): vexfs.bridge.v1.EmbedOutcome;

                /**
                 * Encodes the specified EmbedOutcome message. Does not implicitly {@link vexfs.bridge.v1.EmbedOutcome.verify|verify} messages.
                 * @param m EmbedOutcome message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IEmbedOutcome, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an EmbedOutcome message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns EmbedOutcome
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.EmbedOutcome;

                /**
                 * Creates an EmbedOutcome message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns EmbedOutcome
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.EmbedOutcome;

                /**
                 * Creates a plain object from an EmbedOutcome message. Also converts values to other types if specified.
                 * @param m EmbedOutcome
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.EmbedOutcome, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this EmbedOutcome to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for EmbedOutcome
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a ControlRequest. */
            interface IControlRequest {

                /** ControlRequest id */
                id?: (number|null);

                /** ControlRequest register */
                register?: (vexfs.bridge.v1.IServiceInfo|null);

                /** ControlRequest unregister */
                unregister?: (string|null);

                /** ControlRequest list */
                list?: (boolean|null);

                /** ControlRequest stats */
                stats?: (boolean|null);

                /** ControlRequest embed */
                embed?: (vexfs.bridge.v1.IEmbedCall|null);

                /** ControlRequest remove */
                remove?: (string|null);

                /** ControlRequest tokenCreate */
                tokenCreate?: (vexfs.bridge.v1.ITokenCreate|null);

                /** ControlRequest tokenList */
                tokenList?: (boolean|null);

                /** ControlRequest tokenRevoke */
                tokenRevoke?: (string|null);

                /** ControlRequest backendAdd */
                backendAdd?: (string|null);

                /** ControlRequest backendRemove */
                backendRemove?: (string|null);

                /** ControlRequest backendList */
                backendList?: (boolean|null);

                /** ControlRequest token */
                token?: (string|null);
            }

            /** Represents a ControlRequest. */
            class ControlRequest implements IControlRequest {

                /**
                 * Constructs a new ControlRequest.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IControlRequest);

                /** ControlRequest id. */
                public id: number;

                /** ControlRequest register. */
                public register?: (vexfs.bridge.v1.IServiceInfo|null);

                /** ControlRequest unregister. */
                public unregister?: (string|null);

                /** ControlRequest list. */
                public list?: (boolean|null);

                /** ControlRequest stats. */
                public stats?: (boolean|null);

                /** ControlRequest embed. */
                public embed?: (vexfs.bridge.v1.IEmbedCall|null);

                /** ControlRequest remove. */
                public remove?: (string|null);

                /** ControlRequest tokenCreate. */
                public tokenCreate?: (vexfs.bridge.v1.ITokenCreate|null);

                /** ControlRequest tokenList. */
                public tokenList?: (boolean|null);

                /** ControlRequest tokenRevoke. */
                public tokenRevoke?: (string|null);

                /** ControlRequest backendAdd. */
                public backendAdd?: (string|null);

                /** ControlRequest backendRemove. */
                public backendRemove?: (string|null);

                /** ControlRequest backendList. */
                public backendList?: (boolean|null);

                /** ControlRequest token. */
                public token: string;

                /** ControlRequest body. */
                public body?: ("register"|"unregister"|"list"|"stats"|"embed"|"remove"|"tokenCreate"|"tokenList"|"tokenRevoke"|"backendAdd"|"backendRemove"|"backendList");

                /**
                 * Creates a new ControlRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ControlRequest instance
                 */
                public static create(properties?: vexfs.bridge.v1.IControlRequest): vexfs.bridge.v1.ControlRequest;

                /**
                 * Encodes the specified ControlRequest message. Does not implicitly {@link vexfs.bridge.v1.ControlRequest.verify|verify} messages.
                 * @param m ControlRequest message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IControlRequest, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ControlRequest message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns ControlRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.ControlRequest;

                /**
                 * Creates a ControlRequest message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns ControlRequest
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.ControlRequest;

                /**
                 * Creates a plain object from a ControlRequest message. Also converts values to other types if specified.
                 * @param m ControlRequest
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.ControlRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ControlRequest to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for ControlRequest
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a TokenCreate. */
            interface ITokenCreate {

                /** TokenCreate services */
                services?: (string|null);

                /** TokenCreate models */
                models?: (string[]|null);

                /** TokenCreate ttlMs */
                ttlMs?: (number|null);

                /** TokenCreate note */
                note?: (string|null);

                /** TokenCreate maxRegistrations */
                maxRegistrations?: (number|null);
            }

            /** Represents a TokenCreate. */
            class TokenCreate implements ITokenCreate {

                /**
                 * Constructs a new TokenCreate.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.ITokenCreate);

                /** TokenCreate services. */
                public services: string;

                /** TokenCreate models. */
                public models: string[];

                /** TokenCreate ttlMs. */
                public ttlMs: number;

                /** TokenCreate note. */
                public note: string;

                /** TokenCreate maxRegistrations. */
                public maxRegistrations: number;

                /**
                 * Creates a new TokenCreate instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns TokenCreate instance
                 */
                public static create(properties?: vexfs.bridge.v1.ITokenCreate): vexfs.bridge.v1.TokenCreate;

                /**
                 * Encodes the specified TokenCreate message. Does not implicitly {@link vexfs.bridge.v1.TokenCreate.verify|verify} messages.
                 * @param m TokenCreate message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.ITokenCreate, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TokenCreate message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns TokenCreate
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.TokenCreate;

                /**
                 * Creates a TokenCreate message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns TokenCreate
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.TokenCreate;

                /**
                 * Creates a plain object from a TokenCreate message. Also converts values to other types if specified.
                 * @param m TokenCreate
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.TokenCreate, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this TokenCreate to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for TokenCreate
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a TokenInfo. */
            interface ITokenInfo {

                /** TokenInfo id */
                id?: (string|null);

                /** TokenInfo services */
                services?: (string|null);

                /** TokenInfo models */
                models?: (string[]|null);

                /** TokenInfo expiresAtMs */
                expiresAtMs?: (number|null);

                /** TokenInfo createdAtMs */
                createdAtMs?: (number|null);

                /** TokenInfo createdByUid */
                createdByUid?: (number|null);

                /** TokenInfo note */
                note?: (string|null);

                /** TokenInfo revokedAtMs */
                revokedAtMs?: (number|null);

                /** TokenInfo liveRegistrations */
                liveRegistrations?: (number|null);

                /** TokenInfo maxRegistrations */
                maxRegistrations?: (number|null);
            }

            /** Represents a TokenInfo. */
            class TokenInfo implements ITokenInfo {

                /**
                 * Constructs a new TokenInfo.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.ITokenInfo);

                /** TokenInfo id. */
                public id: string;

                /** TokenInfo services. */
                public services: string;

                /** TokenInfo models. */
                public models: string[];

                /** TokenInfo expiresAtMs. */
                public expiresAtMs: number;

                /** TokenInfo createdAtMs. */
                public createdAtMs: number;

                /** TokenInfo createdByUid. */
                public createdByUid: number;

                /** TokenInfo note. */
                public note: string;

                /** TokenInfo revokedAtMs. */
                public revokedAtMs: number;

                /** TokenInfo liveRegistrations. */
                public liveRegistrations: number;

                /** TokenInfo maxRegistrations. */
                public maxRegistrations: number;

                /**
                 * Creates a new TokenInfo instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns TokenInfo instance
                 */
                public static create(properties?: vexfs.bridge.v1.ITokenInfo): vexfs.bridge.v1.TokenInfo;

                /**
                 * Encodes the specified TokenInfo message. Does not implicitly {@link vexfs.bridge.v1.TokenInfo.verify|verify} messages.
                 * @param m TokenInfo message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.ITokenInfo, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TokenInfo message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns TokenInfo
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.TokenInfo;

                /**
                 * Creates a TokenInfo message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns TokenInfo
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.TokenInfo;

                /**
                 * Creates a plain object from a TokenInfo message. Also converts values to other types if specified.
                 * @param m TokenInfo
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.TokenInfo, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this TokenInfo to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for TokenInfo
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a ServiceStats. */
            interface IServiceStats {

                /** ServiceStats id */
                id?: (string|null);

                /** ServiceStats state */
                state?: (number|null);

                /** ServiceStats health */
                health?: (number|null);

                /** ServiceStats breaker */
                breaker?: (string|null);

                /** ServiceStats active */
                active?: (number|null);

                /** ServiceStats queued */
                queued?: (number|null);

                /** ServiceStats capacity */
                capacity?: (number|null);

                /** ServiceStats total */
                total?: (number|null);

                /** ServiceStats failures */
                failures?: (number|null);

                /** ServiceStats avgResponseNs */
                avgResponseNs?: (number|null);

                /** ServiceStats heartbeatAgeMs */
                heartbeatAgeMs?: (number|null);

                /** ServiceStats healthCheckFailing */
                healthCheckFailing?: (boolean|null);

                /** ServiceStats p50ResponseNs */
                p50ResponseNs?: (number|null);

                /** ServiceStats p99ResponseNs */
                p99ResponseNs?: (number|null);

                /** ServiceStats uid */
                uid?: (number|null);

                /** ServiceStats pid */
                pid?: (number|null);

                /** ServiceStats cpuPermille */
                cpuPermille?: (number|null);

                /** ServiceStats rssBytes */
                rssBytes?: (number|null);

                /** ServiceStats sendBlocked */
                sendBlocked?: (number|null);

                /** ServiceStats sendBufferedBytes */
                sendBufferedBytes?: (number|null);

                /** ServiceStats framesRefused */
                framesRefused?: (number|null);

                /** ServiceStats tokens */
                tokens?: (number|null);
            }

            /** Represents a ServiceStats. */
            class ServiceStats implements IServiceStats {

                /**
                 * Constructs a new ServiceStats.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IServiceStats);

                /** ServiceStats id. */
                public id: string;

                /** ServiceStats state. */
                public state: number;

                /** ServiceStats health. */
                public health: number;

                /** ServiceStats breaker. */
                public breaker: string;

                /** ServiceStats active. */
                public active: number;

                /** ServiceStats queued. */
                public queued: number;

                /** ServiceStats capacity. */
                public capacity: number;

                /** ServiceStats total. */
                public total: number;

                /** ServiceStats failures. */
                public failures: number;

                /** ServiceStats avgResponseNs. */
                public avgResponseNs: number;

                /** ServiceStats heartbeatAgeMs. */
                public heartbeatAgeMs: number;

                /** ServiceStats healthCheckFailing. */
                public healthCheckFailing: boolean;

                /** ServiceStats p50ResponseNs. */
                public p50ResponseNs: number;

                /** ServiceStats p99ResponseNs. */
                public p99ResponseNs: number;

                /** ServiceStats uid. */
                public uid: number;

                /** ServiceStats pid. */
                public pid: number;

                /** ServiceStats cpuPermille. */
                public cpuPermille: number;

                /** ServiceStats rssBytes. */
                public rssBytes: number;

                /** ServiceStats sendBlocked. */
                public sendBlocked: number;

                /** ServiceStats sendBufferedBytes. */
                public sendBufferedBytes: number;

                /** ServiceStats framesRefused. */
                public framesRefused: number;

                /** ServiceStats tokens. */
                public tokens: number;

                /**
                 * Creates a new ServiceStats instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ServiceStats instance
                 */
                public static create(properties?: vexfs.bridge.v1.IServiceStats): vexfs.bridge.v1.ServiceStats;

                /**
                 * Encodes the specified ServiceStats message. Does not implicitly {@link vexfs.bridge.v1.ServiceStats.verify|verify} messages.
                 * @param m ServiceStats message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IServiceStats, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ServiceStats message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns ServiceStats
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.ServiceStats;

                /**
                 * Creates a ServiceStats message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns ServiceStats
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.ServiceStats;

                /**
                 * Creates a plain object from a ServiceStats message. Also converts values to other types if specified.
                 * @param m ServiceStats
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.ServiceStats, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ServiceStats to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for ServiceStats
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a DaemonStats. */
            interface IDaemonStats {

                /** DaemonStats uptimeMs */
                uptimeMs?: (number|null);

                /** DaemonStats transport */
                transport?: (string|null);

                /** DaemonStats inflight */
                inflight?: (number|null);

                /** DaemonStats received */
                received?: (number|null);

                /** DaemonStats succeeded */
                succeeded?: (number|null);

                /** DaemonStats failed */
                failed?: (number|null);

                /** DaemonStats byStatus */
                byStatus?: (number[]|null);

                /** DaemonStats cancelled */
                cancelled?: (number|null);

                /** DaemonStats lateResults */
                lateResults?: (number|null);

                /** DaemonStats avgLatencyNs */
                avgLatencyNs?: (number|null);

                /** DaemonStats queuedByLevel */
                queuedByLevel?: (number[]|null);

                /** DaemonStats overflowQueued */
                overflowQueued?: (number|null);

                /** DaemonStats avgQueueWaitNs */
                avgQueueWaitNs?: (number|null);

                /** DaemonStats shed */
                shed?: (number|null);

                /** DaemonStats rateLimited */
                rateLimited?: (number|null);

                /** DaemonStats retries */
                retries?: (number|null);

                /** DaemonStats retriesDenied */
                retriesDenied?: (number|null);

                /** DaemonStats cacheHits */
                cacheHits?: (number|null);

                /** DaemonStats cacheMisses */
                cacheMisses?: (number|null);

                /** DaemonStats cacheCoalesced */
                cacheCoalesced?: (number|null);

                /** DaemonStats cacheEntries */
                cacheEntries?: (number|null);

                /** DaemonStats cacheBytes */
                cacheBytes?: (number|null);

                /** DaemonStats backpressureFloor */
                backpressureFloor?: (number|null);

                /** DaemonStats adaptiveRate */
                adaptiveRate?: (number|null);

                /** DaemonStats services */
                services?: (vexfs.bridge.v1.IServiceStats[]|null);

                /** DaemonStats p50LatencyNs */
                p50LatencyNs?: (number|null);

                /** DaemonStats p99LatencyNs */
                p99LatencyNs?: (number|null);

                /** DaemonStats host */
                host?: (string|null);

                /** DaemonStats natsState */
                natsState?: (string|null);

                /** DaemonStats natsServer */
                natsServer?: (string|null);

                /** DaemonStats natsDisconnects */
                natsDisconnects?: (number|null);

                /** DaemonStats natsReconnects */
                natsReconnects?: (number|null);
            }

            /** Represents a DaemonStats. */
            class DaemonStats implements IDaemonStats {

                /**
                 * Constructs a new DaemonStats.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IDaemonStats);

                /** DaemonStats uptimeMs. */
                public uptimeMs: number;

                /** DaemonStats transport. */
                public transport: string;

                /** DaemonStats inflight. */
                public inflight: number;

                /** DaemonStats received. */
                public received: number;

                /** DaemonStats succeeded. */
                public succeeded: number;

                /** DaemonStats failed. */
                public failed: number;

                /** DaemonStats byStatus. */
                public byStatus: number[];

                /** DaemonStats cancelled. */
                public cancelled: number;

                /** DaemonStats lateResults. */
                public lateResults: number;

                /** DaemonStats avgLatencyNs. */
                public avgLatencyNs: number;

                /** DaemonStats queuedByLevel. */
                public queuedByLevel: number[];

                /** DaemonStats overflowQueued. */
                public overflowQueued: number;

                /** DaemonStats avgQueueWaitNs. */
                public avgQueueWaitNs: number;

                /** DaemonStats shed. */
                public shed: number;

                /** DaemonStats rateLimited. */
                public rateLimited: number;

                /** DaemonStats retries. */
                public retries: number;

                /** DaemonStats retriesDenied. */
                public retriesDenied: number;

                /** DaemonStats cacheHits. */
                public cacheHits: number;

                /** DaemonStats cacheMisses. */
                public cacheMisses: number;

                /** DaemonStats cacheCoalesced. */
                public cacheCoalesced: number;

                /** DaemonStats cacheEntries. */
                public cacheEntries: number;

                /** DaemonStats cacheBytes. */
                public cacheBytes: number;

                /** DaemonStats backpressureFloor. */
                public backpressureFloor: number;

                /** DaemonStats adaptiveRate. */
                public adaptiveRate: number;

                /** DaemonStats services. */
                public services: vexfs.bridge.v1.IServiceStats[];

                /** DaemonStats p50LatencyNs. */
                public p50LatencyNs: number;

                /** DaemonStats p99LatencyNs. */
                public p99LatencyNs: number;

                /** DaemonStats host. */
                public host: string;

                /** DaemonStats natsState. */
                public natsState: string;

                /** DaemonStats natsServer. */
                public natsServer: string;

                /** DaemonStats natsDisconnects. */
                public natsDisconnects: number;

                /** DaemonStats natsReconnects. */
                public natsReconnects: number;

                /**
                 * Creates a new DaemonStats instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns DaemonStats instance
                 */
                public static create(properties?: vexfs.bridge.v1.IDaemonStats): vexfs.bridge.v1.DaemonStats;

                /**
                 * Encodes the specified DaemonStats message. Does not implicitly {@link vexfs.bridge.v1.DaemonStats.verify|verify} messages.
                 * @param m DaemonStats message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IDaemonStats, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a DaemonStats message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns DaemonStats
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.DaemonStats;

                /**
                 * Creates a DaemonStats message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns DaemonStats
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.DaemonStats;

                /**
                 * Creates a plain object from a DaemonStats message. Also converts values to other types if specified.
                 * @param m DaemonStats
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.DaemonStats, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this DaemonStats to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for DaemonStats
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a ControlResponse. */
            interface IControlResponse {

                /** ControlResponse id */
                id?: (number|null);

                /** ControlResponse errno */
                errno?: (number|null);

                /** ControlResponse error */
                error?: (string|null);

                /** ControlResponse services */
                services?: (vexfs.bridge.v1.IServiceInfo[]|null);

                /** ControlResponse stats */
                stats?: (vexfs.bridge.v1.IDaemonStats|null);

                /** ControlResponse embed */
                embed?: (vexfs.bridge.v1.IEmbedOutcome|null);

                /** ControlResponse tokens */
                tokens?: (vexfs.bridge.v1.ITokenInfo[]|null);

                /** ControlResponse token */
                token?: (string|null);

                /** ControlResponse backends */
                backends?: (string[]|null);
            }

            /** Represents a ControlResponse. */
            class ControlResponse implements IControlResponse {

                /**
                 * Constructs a new ControlResponse.
                 * @param [p] Properties to set
                 */
                constructor(p?: vexfs.bridge.v1.IControlResponse);

                /** ControlResponse id. */
                public id: number;

                /** ControlResponse errno. */
                public errno: number;

                /** ControlResponse error. */
                public error: string;

                /** ControlResponse services. */
                public services: vexfs.bridge.v1.IServiceInfo[];

                /** ControlResponse stats. */
                public stats?: (vexfs.bridge.v1.IDaemonStats|null);

                /** ControlResponse embed. */
                public embed?: (vexfs.bridge.v1.IEmbedOutcome|null);

                /** ControlResponse tokens. */
                public tokens: vexfs.bridge.v1.ITokenInfo[];

                /** ControlResponse token. */
                public token: string;

                /** ControlResponse backends. */
                public backends: string[];

                /**
                 * Creates a new ControlResponse instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ControlResponse instance
                 */
                public static create(properties?: vexfs.bridge.v1.IControlResponse): vexfs.bridge.v1.ControlResponse;

                /**
                 * Encodes the specified ControlResponse message. Does not implicitly {@link vexfs.bridge.v1.ControlResponse.verify|verify} messages.
                 * @param m ControlResponse message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: vexfs.bridge.v1.IControlResponse, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ControlResponse message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns ControlResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vexfs.bridge.v1.ControlResponse;

                /**
                 * Creates a ControlResponse message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns ControlResponse
                 */
                public static fromObject(d: { [k: string]: any }): vexfs.bridge.v1.ControlResponse;

                /**
                 * Creates a plain object from a ControlResponse message. Also converts values to other types if specified.
                 * @param m ControlResponse
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: vexfs.bridge.v1.ControlResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ControlResponse to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for ControlResponse
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }
        }
    }
}
