/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const vexfs = $root.vexfs = (() => {

    /**
     * Namespace vexfs.
     * @exports vexfs
     * @namespace
     */
    const vexfs = {};

    vexfs.bridge = (function() {

        /**
         * Namespace bridge.
         * @memberof vexfs
         * @namespace
         */
        const bridge = {};

        bridge.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof vexfs.bridge
             * @namespace
             */
            const v1 = {};

            v1.ServiceInfo = (function() {

                /**
                 * Properties of a ServiceInfo.
                 * @memberof vexfs.bridge.v1
                 * @interface IServiceInfo
                 * @property {string|null} [id] ServiceInfo id
                 * @property {string|null} [name] ServiceInfo name
                 * @property {string|null} [version] ServiceInfo version
                 * @property {Array.<number>|null} [dimensions] ServiceInfo dimensions
                 * @property {number|null} [dataTypes] ServiceInfo dataTypes
                 * @property {Array.<string>|null} [models] ServiceInfo models
                 * @property {number|null} [maxBatchSize] ServiceInfo maxBatchSize
                 * @property {number|null} [priority] ServiceInfo priority
                 * @property {string|null} [endpoint] ServiceInfo endpoint
                 * @property {Object.<string,string>|null} [metadata] ServiceInfo metadata
                 */

                /**
                 * Constructs a new ServiceInfo.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents a ServiceInfo.
                 * @implements IServiceInfo
                 * @constructor
                 * @param {vexfs.bridge.v1.IServiceInfo=} [p] Properties to set
                 */
                function ServiceInfo(p) {
                    this.dimensions = [];
                    this.models = [];
                    this.metadata = {};
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * ServiceInfo id.
                 * @member {string} id
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @instance
                 */
                ServiceInfo.prototype.id = "";

                /**
                 * ServiceInfo name.
                 * @member {string} name
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @instance
                 */
                ServiceInfo.prototype.name = "";

                /**
                 * ServiceInfo version.
                 * @member {string} version
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @instance
                 */
                ServiceInfo.prototype.version = "";

                /**
                 * ServiceInfo dimensions.
                 * @member {Array.<number>} dimensions
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @instance
                 */
                ServiceInfo.prototype.dimensions = $util.emptyArray;

                /**
                 * ServiceInfo dataTypes.
                 * @member {number} dataTypes
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @instance
                 */
                ServiceInfo.prototype.dataTypes = 0;

                /**
                 * ServiceInfo models.
                 * @member {Array.<string>} models
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @instance
                 */
                ServiceInfo.prototype.models = $util.emptyArray;

                /**
                 * ServiceInfo maxBatchSize.
                 * @member {number} maxBatchSize
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @instance
                 */
                ServiceInfo.prototype.maxBatchSize = 0;

                /**
                 * ServiceInfo priority.
                 * @member {number} priority
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @instance
                 */
                ServiceInfo.prototype.priority = 0;

                /**
                 * ServiceInfo endpoint.
                 * @member {string} endpoint
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @instance
                 */
                ServiceInfo.prototype.endpoint = "";

                /**
                 * ServiceInfo metadata.
                 * @member {Object.<string,string>} metadata
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @instance
                 */
                ServiceInfo.prototype.metadata = $util.emptyObject;

                /**
                 * Creates a new ServiceInfo instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @static
                 * @param {vexfs.bridge.v1.IServiceInfo=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.ServiceInfo} ServiceInfo instance
                 */
                ServiceInfo.create = function create(properties) {
                    return new ServiceInfo(properties);
                };

                /**
                 * Encodes the specified ServiceInfo message. Does not implicitly {@link vexfs.bridge.v1.ServiceInfo.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @static
                 * @param {vexfs.bridge.v1.IServiceInfo} m ServiceInfo message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ServiceInfo.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                        w.uint32(10).string(m.id);
                    if (m.name != null && Object.hasOwnProperty.call(m, "name"))
                        w.uint32(18).string(m.name);
                    if (m.version != null && Object.hasOwnProperty.call(m, "version"))
                        w.uint32(26).string(m.version);
                    if (m.dimensions != null && m.dimensions.length) {
                        w.uint32(34).fork();
                        for (var i = 0; i < m.dimensions.length; ++i)
                            w.uint32(m.dimensions[i]);
                        w.ldelim();
                    }
                    if (m.dataTypes != null && Object.hasOwnProperty.call(m, "dataTypes"))
                        w.uint32(40).uint32(m.dataTypes);
                    if (m.models != null && m.models.length) {
                        for (var i = 0; i < m.models.length; ++i)
                            w.uint32(50).string(m.models[i]);
                    }
                    if (m.maxBatchSize != null && Object.hasOwnProperty.call(m, "maxBatchSize"))
                        w.uint32(56).uint32(m.maxBatchSize);
                    if (m.priority != null && Object.hasOwnProperty.call(m, "priority"))
                        w.uint32(64).uint32(m.priority);
                    if (m.endpoint != null && Object.hasOwnProperty.call(m, "endpoint"))
                        w.uint32(74).string(m.endpoint);
                    if (m.metadata != null && Object.hasOwnProperty.call(m, "metadata")) {
                        for (var ks = Object.keys(m.metadata), i = 0; i < ks.length; ++i) {
                            w.uint32(82).fork().uint32(10).string(ks[i]).uint32(18).string(m.metadata[ks[i]]).ldelim();
                        }
                    }
                    return w;
                };

                /**
                 * Decodes a ServiceInfo message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.ServiceInfo} ServiceInfo
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ServiceInfo.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m, k, value;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.ServiceInfo();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.id = r.string();
                                break;
                            }
                        case 2: {
                                m.name = r.string();
                                break;
                            }
                        case 3: {
                                m.version = r.string();
                                break;
                            }
                        case 4: {
                                if (!(m.dimensions && m.dimensions.length))
                                    m.dimensions = [];
                                if ((t & 7) === 2) {
                                    var c2 = r.uint32() + r.pos;
                                    if (c2 > r.len)
                                        throw RangeError("index out of range");
                                    r.len = c2;
                                    while (r.pos < c2)
                                        m.dimensions.push(r.uint32());
                                    if (r.pos !== c2)
                                        throw RangeError("index out of range");
                                    r.len = c;
                                } else
                                    m.dimensions.push(r.uint32());
                                break;
                            }
                        case 5: {
                                m.dataTypes = r.uint32();
                                break;
                            }
                        case 6: {
                                if (!(m.models && m.models.length))
                                    m.models = [];
                                m.models.push(r.string());
                                break;
                            }
                        case 7: {
                                m.maxBatchSize = r.uint32();
                                break;
                            }
                        case 8: {
                                m.priority = r.uint32();
                                break;
                            }
                        case 9: {
                                m.endpoint = r.string();
                                break;
                            }
                        case 10: {
                                if (m.metadata === $util.emptyObject)
                                    m.metadata = {};
                                var c2 = r.uint32() + r.pos;
                                if (c2 > r.len)
                                    throw RangeError("index out of range");
                                r.len = c2;
                                k = "";
                                value = "";
                                while (r.pos < c2) {
                                    var tag2 = r.uint32();
                                    switch (tag2 >>> 3) {
                                    case 1:
                                        k = r.string();
                                        break;
                                    case 2:
                                        value = r.string();
                                        break;
                                    default:
                                        r.skipType(tag2 & 7, n);
                                        break;
                                    }
                                }
                                if (r.pos !== c2)
                                    throw RangeError("index out of range");
                                r.len = c;
                                if (k === "__proto__")
                                    $util.makeProp(m.metadata, k);
                                m.metadata[k] = value;
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a ServiceInfo message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.ServiceInfo} ServiceInfo
                 */
                ServiceInfo.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.ServiceInfo)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.ServiceInfo: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.ServiceInfo();
                    if (d.id != null) {
                        m.id = String(d.id);
                    }
                    if (d.name != null) {
                        m.name = String(d.name);
                    }
                    if (d.version != null) {
                        m.version = String(d.version);
                    }
                    if (d.dimensions) {
                        if (!Array.isArray(d.dimensions))
                            throw TypeError(".vexfs.bridge.v1.ServiceInfo.dimensions: array expected");
                        m.dimensions = [];
                        for (var i = 0; i < d.dimensions.length; ++i) {
                            m.dimensions[i] = d.dimensions[i] >>> 0;
                        }
                    }
                    if (d.dataTypes != null) {
                        m.dataTypes = d.dataTypes >>> 0;
                    }
                    if (d.models) {
                        if (!Array.isArray(d.models))
                            throw TypeError(".vexfs.bridge.v1.ServiceInfo.models: array expected");
                        m.models = [];
                        for (var i = 0; i < d.models.length; ++i) {
                            m.models[i] = String(d.models[i]);
                        }
                    }
                    if (d.maxBatchSize != null) {
                        m.maxBatchSize = d.maxBatchSize >>> 0;
                    }
                    if (d.priority != null) {
                        m.priority = d.priority >>> 0;
                    }
                    if (d.endpoint != null) {
                        m.endpoint = String(d.endpoint);
                    }
                    if (d.metadata) {
                        if (!$util.isObject(d.metadata))
                            throw TypeError(".vexfs.bridge.v1.ServiceInfo.metadata: object expected");
                        m.metadata = {};
                        for (var ks = Object.keys(d.metadata), i = 0; i < ks.length; ++i) {
                            if (ks[i] === "__proto__")
                                $util.makeProp(m.metadata, ks[i]);
                            m.metadata[ks[i]] = String(d.metadata[ks[i]]);
                        }
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a ServiceInfo message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @static
                 * @param {vexfs.bridge.v1.ServiceInfo} m ServiceInfo
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ServiceInfo.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.dimensions = [];
                        d.models = [];
                    }
                    if (o.objects || o.defaults) {
                        d.metadata = {};
                    }
                    if (o.defaults) {
                        d.id = "";
                        d.name = "";
                        d.version = "";
                        d.dataTypes = 0;
                        d.maxBatchSize = 0;
                        d.priority = 0;
                        d.endpoint = "";
                    }
                    if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                        d.id = m.id;
                    }
                    if (m.name != null && Object.hasOwnProperty.call(m, "name")) {
                        d.name = m.name;
                    }
                    if (m.version != null && Object.hasOwnProperty.call(m, "version")) {
                        d.version = m.version;
                    }
                    if (m.dimensions && m.dimensions.length) {
                        d.dimensions = [];
                        for (var j = 0; j < m.dimensions.length; ++j) {
                            d.dimensions[j] = m.dimensions[j];
                        }
                    }
                    if (m.dataTypes != null && Object.hasOwnProperty.call(m, "dataTypes")) {
                        d.dataTypes = m.dataTypes;
                    }
                    if (m.models && m.models.length) {
                        d.models = [];
                        for (var j = 0; j < m.models.length; ++j) {
                            d.models[j] = m.models[j];
                        }
                    }
                    if (m.maxBatchSize != null && Object.hasOwnProperty.call(m, "maxBatchSize")) {
                        d.maxBatchSize = m.maxBatchSize;
                    }
                    if (m.priority != null && Object.hasOwnProperty.call(m, "priority")) {
                        d.priority = m.priority;
                    }
                    if (m.endpoint != null && Object.hasOwnProperty.call(m, "endpoint")) {
                        d.endpoint = m.endpoint;
                    }
                    var ks2;
                    if (m.metadata && (ks2 = Object.keys(m.metadata)).length) {
                        d.metadata = {};
                        for (var j = 0; j < ks2.length; ++j) {
                            if (ks2[j] === "__proto__")
                                $util.makeProp(d.metadata, ks2[j]);
                            d.metadata[ks2[j]] = m.metadata[ks2[j]];
                        }
                    }
                    return d;
                };

                /**
                 * Converts this ServiceInfo to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ServiceInfo.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for ServiceInfo
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.ServiceInfo
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                ServiceInfo.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.ServiceInfo";
                };

                return ServiceInfo;
            })();

            v1.Hello = (function() {

                /**
                 * Properties of a Hello.
                 * @memberof vexfs.bridge.v1
                 * @interface IHello
                 * @property {string|null} [serviceId] Hello serviceId
                 */

                /**
                 * Constructs a new Hello.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents a Hello.
                 * @implements IHello
                 * @constructor
                 * @param {vexfs.bridge.v1.IHello=} [p] Properties to set
                 */
                function Hello(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * Hello serviceId.
                 * @member {string} serviceId
                 * @memberof vexfs.bridge.v1.Hello
                 * @instance
                 */
                Hello.prototype.serviceId = "";

                /**
                 * Creates a new Hello instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.Hello
                 * @static
                 * @param {vexfs.bridge.v1.IHello=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.Hello} Hello instance
                 */
                Hello.create = function create(properties) {
                    return new Hello(properties);
                };

                /**
                 * Encodes the specified Hello message. Does not implicitly {@link vexfs.bridge.v1.Hello.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.Hello
                 * @static
                 * @param {vexfs.bridge.v1.IHello} m Hello message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Hello.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.serviceId != null && Object.hasOwnProperty.call(m, "serviceId"))
                        w.uint32(10).string(m.serviceId);
                    return w;
                };

                /**
                 * Decodes a Hello message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.Hello
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.Hello} Hello
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Hello.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.Hello();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.serviceId = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a Hello message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.Hello
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.Hello} Hello
                 */
                Hello.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.Hello)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.Hello: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.Hello();
                    if (d.serviceId != null) {
                        m.serviceId = String(d.serviceId);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a Hello message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.Hello
                 * @static
                 * @param {vexfs.bridge.v1.Hello} m Hello
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Hello.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.serviceId = "";
                    }
                    if (m.serviceId != null && Object.hasOwnProperty.call(m, "serviceId")) {
                        d.serviceId = m.serviceId;
                    }
                    return d;
                };

                /**
                 * Converts this Hello to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.Hello
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Hello.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for Hello
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.Hello
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                Hello.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.Hello";
                };

                return Hello;
            })();

            v1.Heartbeat = (function() {

                /**
                 * Properties of a Heartbeat.
                 * @memberof vexfs.bridge.v1
                 * @interface IHeartbeat
                 * @property {string|null} [serviceId] Heartbeat serviceId
                 * @property {number|null} [activeRequests] Heartbeat activeRequests
                 * @property {number|null} [cpuPermille] Heartbeat cpuPermille
                 * @property {number|null} [rssKib] Heartbeat rssKib
                 */

                /**
                 * Constructs a new Heartbeat.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents a Heartbeat.
                 * @implements IHeartbeat
                 * @constructor
                 * @param {vexfs.bridge.v1.IHeartbeat=} [p] Properties to set
                 */
                function Heartbeat(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * Heartbeat serviceId.
                 * @member {string} serviceId
                 * @memberof vexfs.bridge.v1.Heartbeat
                 * @instance
                 */
                Heartbeat.prototype.serviceId = "";

                /**
                 * Heartbeat activeRequests.
                 * @member {number} activeRequests
                 * @memberof vexfs.bridge.v1.Heartbeat
                 * @instance
                 */
                Heartbeat.prototype.activeRequests = 0;

                /**
                 * Heartbeat cpuPermille.
                 * @member {number} cpuPermille
                 * @memberof vexfs.bridge.v1.Heartbeat
                 * @instance
                 */
                Heartbeat.prototype.cpuPermille = 0;

                /**
                 * Heartbeat rssKib.
                 * @member {number} rssKib
                 * @memberof vexfs.bridge.v1.Heartbeat
                 * @instance
                 */
                Heartbeat.prototype.rssKib = 0;

                /**
                 * Creates a new Heartbeat instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.Heartbeat
                 * @static
                 * @param {vexfs.bridge.v1.IHeartbeat=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.Heartbeat} Heartbeat instance
                 */
                Heartbeat.create = function create(properties) {
                    return new Heartbeat(properties);
                };

                /**
                 * Encodes the specified Heartbeat message. Does not implicitly {@link vexfs.bridge.v1.Heartbeat.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.Heartbeat
                 * @static
                 * @param {vexfs.bridge.v1.IHeartbeat} m Heartbeat message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Heartbeat.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.serviceId != null && Object.hasOwnProperty.call(m, "serviceId"))
                        w.uint32(10).string(m.serviceId);
                    if (m.activeRequests != null && Object.hasOwnProperty.call(m, "activeRequests"))
                        w.uint32(16).uint32(m.activeRequests);
                    if (m.cpuPermille != null && Object.hasOwnProperty.call(m, "cpuPermille"))
                        w.uint32(24).uint32(m.cpuPermille);
                    if (m.rssKib != null && Object.hasOwnProperty.call(m, "rssKib"))
                        w.uint32(32).uint32(m.rssKib);
                    return w;
                };

                /**
                 * Decodes a Heartbeat message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.Heartbeat
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.Heartbeat} Heartbeat
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Heartbeat.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.Heartbeat();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.serviceId = r.string();
                                break;
                            }
                        case 2: {
                                m.activeRequests = r.uint32();
                                break;
                            }
                        case 3: {
                                m.cpuPermille = r.uint32();
                                break;
                            }
                        case 4: {
                                m.rssKib = r.uint32();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.Heartbeat
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.Heartbeat} Heartbeat
                 */
                Heartbeat.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.Heartbeat)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.Heartbeat: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.Heartbeat();
                    if (d.serviceId != null) {
                        m.serviceId = String(d.serviceId);
                    }
                    if (d.activeRequests != null) {
                        m.activeRequests = d.activeRequests >>> 0;
                    }
                    if (d.cpuPermille != null) {
                        m.cpuPermille = d.cpuPermille >>> 0;
                    }
                    if (d.rssKib != null) {
                        m.rssKib = d.rssKib >>> 0;
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.Heartbeat
                 * @static
                 * @param {vexfs.bridge.v1.Heartbeat} m Heartbeat
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Heartbeat.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.serviceId = "";
                        d.activeRequests = 0;
                        d.cpuPermille = 0;
                        d.rssKib = 0;
                    }
                    if (m.serviceId != null && Object.hasOwnProperty.call(m, "serviceId")) {
                        d.serviceId = m.serviceId;
                    }
                    if (m.activeRequests != null && Object.hasOwnProperty.call(m, "activeRequests")) {
                        d.activeRequests = m.activeRequests;
                    }
                    if (m.cpuPermille != null && Object.hasOwnProperty.call(m, "cpuPermille")) {
                        d.cpuPermille = m.cpuPermille;
                    }
                    if (m.rssKib != null && Object.hasOwnProperty.call(m, "rssKib")) {
                        d.rssKib = m.rssKib;
                    }
                    return d;
                };

                /**
                 * Converts this Heartbeat to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.Heartbeat
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Heartbeat.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for Heartbeat
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.Heartbeat
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                Heartbeat.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.Heartbeat";
                };

                return Heartbeat;
            })();

            v1.EmbedBatchRequest = (function() {

                /**
                 * Properties of an EmbedBatchRequest.
                 * @memberof vexfs.bridge.v1
                 * @interface IEmbedBatchRequest
                 * @property {number|null} [batchId] EmbedBatchRequest batchId
                 * @property {string|null} [model] EmbedBatchRequest model
                 * @property {number|null} [dimensions] EmbedBatchRequest dimensions
                 * @property {Array.<Uint8Array>|null} [inputs] EmbedBatchRequest inputs
                 * @property {Uint8Array|null} [tracePrefix] EmbedBatchRequest tracePrefix
                 * @property {number|null} [timeoutMs] EmbedBatchRequest timeoutMs
                 * @property {Uint8Array|null} [traceRequestIds] EmbedBatchRequest traceRequestIds
                 * @property {Uint8Array|null} [traceSpanIds] EmbedBatchRequest traceSpanIds
                 * @property {number|null} [priority] EmbedBatchRequest priority
                 */

                /**
                 * Constructs a new EmbedBatchRequest.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents an EmbedBatchRequest.
                 * @implements IEmbedBatchRequest
                 * @constructor
                 * @param {vexfs.bridge.v1.IEmbedBatchRequest=} [p] Properties to set
                 */
                function EmbedBatchRequest(p) {
                    this.inputs = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * EmbedBatchRequest batchId.
                 * @member {number} batchId
                 * @memberof vexfs.bridge.v1.EmbedBatchRequest
                 * @instance
                 */
                EmbedBatchRequest.prototype.batchId = 0;

                /**
                 * EmbedBatchRequest model.
                 * @member {string} model
                 * @memberof vexfs.bridge.v1.EmbedBatchRequest
                 * @instance
                 */
                EmbedBatchRequest.prototype.model = "";

                /**
                 * EmbedBatchRequest dimensions.
                 * @member {number} dimensions
                 * @memberof vexfs.bridge.v1.EmbedBatchRequest
                 * @instance
                 */
                EmbedBatchRequest.prototype.dimensions = 0;

                /**
                 * EmbedBatchRequest inputs.
                 * @member {Array.<Uint8Array>} inputs
                 * @memberof vexfs.bridge.v1.EmbedBatchRequest
                 * @instance
                 */
                EmbedBatchRequest.prototype.inputs = $util.emptyArray;

                /**
                 * EmbedBatchRequest tracePrefix.
                 * @member {Uint8Array} tracePrefix
                 * @memberof vexfs.bridge.v1.EmbedBatchRequest
                 * @instance
                 */
                EmbedBatchRequest.prototype.tracePrefix = $util.newBuffer([]);

                /**
                 * EmbedBatchRequest timeoutMs.
                 * @member {number} timeoutMs
                 * @memberof vexfs.bridge.v1.EmbedBatchRequest
                 * @instance
                 */
                EmbedBatchRequest.prototype.timeoutMs = 0;

                /**
                 * EmbedBatchRequest traceRequestIds.
                 * @member {Uint8Array} traceRequestIds
                 * @memberof vexfs.bridge.v1.EmbedBatchRequest
                 * @instance
                 */
                EmbedBatchRequest.prototype.traceRequestIds = $util.newBuffer([]);

                /**
                 * EmbedBatchRequest traceSpanIds.
                 * @member {Uint8Array} traceSpanIds
                 * @memberof vexfs.bridge.v1.EmbedBatchRequest
                 * @instance
                 */
                EmbedBatchRequest.prototype.traceSpanIds = $util.newBuffer([]);

                /**
                 * EmbedBatchRequest priority.
                 * @member {number} priority
                 * @memberof vexfs.bridge.v1.EmbedBatchRequest
                 * @instance
                 */
                EmbedBatchRequest.prototype.priority = 0;

                /**
                 * Creates a new EmbedBatchRequest instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.EmbedBatchRequest
                 * @static
                 * @param {vexfs.bridge.v1.IEmbedBatchRequest=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.EmbedBatchRequest} EmbedBatchRequest instance
                 */
                EmbedBatchRequest.create = function create(properties) {
                    return new EmbedBatchRequest(properties);
                };

                /**
                 * Encodes the specified EmbedBatchRequest message. Does not implicitly {@link vexfs.bridge.v1.EmbedBatchRequest.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.EmbedBatchRequest
                 * @static
                 * @param {vexfs.bridge.v1.IEmbedBatchRequest} m EmbedBatchRequest message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                EmbedBatchRequest.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.batchId != null && Object.hasOwnProperty.call(m, "batchId"))
                        w.uint32(8).uint32(m.batchId);
                    if (m.model != null && Object.hasOwnProperty.call(m, "model"))
                        w.uint32(18).string(m.model);
                    if (m.dimensions != null && Object.hasOwnProperty.call(m, "dimensions"))
                        w.uint32(24).uint32(m.dimensions);
                    if (m.inputs != null && m.inputs.length) {
                        for (var i = 0; i < m.inputs.length; ++i)
                            w.uint32(34).bytes(m.inputs[i]);
                    }
                    if (m.tracePrefix != null && Object.hasOwnProperty.call(m, "tracePrefix"))
                        w.uint32(42).bytes(m.tracePrefix);
                    if (m.timeoutMs != null && Object.hasOwnProperty.call(m, "timeoutMs"))
                        w.uint32(48).uint32(m.timeoutMs);
                    if (m.traceRequestIds != null && Object.hasOwnProperty.call(m, "traceRequestIds"))
                        w.uint32(58).bytes(m.traceRequestIds);
                    if (m.traceSpanIds != null && Object.hasOwnProperty.call(m, "traceSpanIds"))
                        w.uint32(66).bytes(m.traceSpanIds);
                    if (m.priority != null && Object.hasOwnProperty.call(m, "priority"))
                        w.uint32(72).uint32(m.priority);
                    return w;
                };

                /**
                 * Decodes an EmbedBatchRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.EmbedBatchRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.EmbedBatchRequest} EmbedBatchRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                EmbedBatchRequest.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.EmbedBatchRequest();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.batchId = r.uint32();
                                break;
                            }
                        case 2: {
                                m.model = r.string();
                                break;
                            }
                        case 3: {
                                m.dimensions = r.uint32();
                                break;
                            }
                        case 4: {
                                if (!(m.inputs && m.inputs.length))
                                    m.inputs = [];
                                m.inputs.push(r.bytes());
                                break;
                            }
                        case 5: {
                                m.tracePrefix = r.bytes();
                                break;
                            }
                        case 6: {
                                m.timeoutMs = r.uint32();
                                break;
                            }
                        case 7: {
                                m.traceRequestIds = r.bytes();
                                break;
                            }
                        case 8: {
                                m.traceSpanIds = r.bytes();
                                break;
                            }
                        case 9: {
                                m.priority = r.uint32();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates an EmbedBatchRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.EmbedBatchRequest
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.EmbedBatchRequest} EmbedBatchRequest
                 */
                EmbedBatchRequest.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.EmbedBatchRequest)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.EmbedBatchRequest: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.EmbedBatchRequest();
                    if (d.batchId != null) {
                        m.batchId = d.batchId >>> 0;
                    }
                    if (d.model != null) {
                        m.model = String(d.model);
                    }
                    if (d.dimensions != null) {
                        m.dimensions = d.dimensions >>> 0;
                    }
                    if (d.inputs) {
                        if (!Array.isArray(d.inputs))
                            throw TypeError(".vexfs.bridge.v1.EmbedBatchRequest.inputs: array expected");
                        m.inputs = [];
                        for (var i = 0; i < d.inputs.length; ++i) {
                            if (typeof d.inputs[i] === "string")
                                $util.base64.decode(d.inputs[i], m.inputs[i] = $util.newBuffer($util.base64.length(d.inputs[i])), 0);
                            else if (d.inputs[i].length >= 0)
                                m.inputs[i] = d.inputs[i];
                        }
                    }
                    if (d.tracePrefix != null) {
                        if (typeof d.tracePrefix === "string")
                            $util.base64.decode(d.tracePrefix, m.tracePrefix = $util.newBuffer($util.base64.length(d.tracePrefix)), 0);
                        else if (d.tracePrefix.length >= 0)
                            m.tracePrefix = d.tracePrefix;
                    }
                    if (d.timeoutMs != null) {
                        m.timeoutMs = d.timeoutMs >>> 0;
                    }
                    if (d.traceRequestIds != null) {
                        if (typeof d.traceRequestIds === "string")
                            $util.base64.decode(d.traceRequestIds, m.traceRequestIds = $util.newBuffer($util.base64.length(d.traceRequestIds)), 0);
                        else if (d.traceRequestIds.length >= 0)
                            m.traceRequestIds = d.traceRequestIds;
                    }
                    if (d.traceSpanIds != null) {
                        if (typeof d.traceSpanIds === "string")
                            $util.base64.decode(d.traceSpanIds, m.traceSpanIds = $util.newBuffer($util.base64.length(d.traceSpanIds)), 0);
                        else if (d.traceSpanIds.length >= 0)
                            m.traceSpanIds = d.traceSpanIds;
                    }
                    if (d.priority != null) {
                        m.priority = d.priority >>> 0;
                    }
                    return m;
                };

                /**
                 * Creates a plain object from an EmbedBatchRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.EmbedBatchRequest
                 * @static
                 * @param {vexfs.bridge.v1.EmbedBatchRequest} m EmbedBatchRequest
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                EmbedBatchRequest.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.inputs = [];
                    }
                    if (o.defaults) {
                        d.batchId = 0;
                        d.model = "";
                        d.dimensions = 0;
                        if (o.bytes === String)
                            d.tracePrefix = "";
                        else {
                            d.tracePrefix = [];
                            if (o.bytes !== Array)
                                d.tracePrefix = $util.newBuffer(d.tracePrefix);
                        }
                        d.timeoutMs = 0;
                        if (o.bytes === String)
                            d.traceRequestIds = "";
                        else {
                            d.traceRequestIds = [];
                            if (o.bytes !== Array)
                                d.traceRequestIds = $util.newBuffer(d.traceRequestIds);
                        }
                        if (o.bytes === String)
                            d.traceSpanIds = "";
                        else {
                            d.traceSpanIds = [];
                            if (o.bytes !== Array)
                                d.traceSpanIds = $util.newBuffer(d.traceSpanIds);
                        }
                        d.priority = 0;
                    }
                    if (m.batchId != null && Object.hasOwnProperty.call(m, "batchId")) {
                        d.batchId = m.batchId;
                    }
                    if (m.model != null && Object.hasOwnProperty.call(m, "model")) {
                        d.model = m.model;
                    }
                    if (m.dimensions != null && Object.hasOwnProperty.call(m, "dimensions")) {
                        d.dimensions = m.dimensions;
                    }
                    if (m.inputs && m.inputs.length) {
                        d.inputs = [];
                        for (var j = 0; j < m.inputs.length; ++j) {
                            d.inputs[j] = o.bytes === String ? $util.base64.encode(m.inputs[j], 0, m.inputs[j].length) : o.bytes === Array ? Array.prototype.slice.call(m.inputs[j]) : m.inputs[j];
                        }
                    }
                    if (m.tracePrefix != null && Object.hasOwnProperty.call(m, "tracePrefix")) {
                        d.tracePrefix = o.bytes === String ? $util.base64.encode(m.tracePrefix, 0, m.tracePrefix.length) : o.bytes === Array ? Array.prototype.slice.call(m.tracePrefix) : m.tracePrefix;
                    }
                    if (m.timeoutMs != null && Object.hasOwnProperty.call(m, "timeoutMs")) {
                        d.timeoutMs = m.timeoutMs;
                    }
                    if (m.traceRequestIds != null && Object.hasOwnProperty.call(m, "traceRequestIds")) {
                        d.traceRequestIds = o.bytes === String ? $util.base64.encode(m.traceRequestIds, 0, m.traceRequestIds.length) : o.bytes === Array ? Array.prototype.slice.call(m.traceRequestIds) : m.traceRequestIds;
                    }
                    if (m.traceSpanIds != null && Object.hasOwnProperty.call(m, "traceSpanIds")) {
                        d.traceSpanIds = o.bytes === String ? $util.base64.encode(m.traceSpanIds, 0, m.traceSpanIds.length) : o.bytes === Array ? Array.prototype.slice.call(m.traceSpanIds) : m.traceSpanIds;
                    }
                    if (m.priority != null && Object.hasOwnProperty.call(m, "priority")) {
                        d.priority = m.priority;
                    }
                    return d;
                };

                /**
                 * Converts this EmbedBatchRequest to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.EmbedBatchRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                EmbedBatchRequest.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for EmbedBatchRequest
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.EmbedBatchRequest
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                EmbedBatchRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.EmbedBatchRequest";
                };

                return EmbedBatchRequest;
            })();

            v1.ItemError = (function() {

                /**
                 * Properties of an ItemError.
                 * @memberof vexfs.bridge.v1
                 * @interface IItemError
                 * @property {number|null} [code] ItemError code
                 * @property {string|null} [message] ItemError message
                 */

                /**
                 * Constructs a new ItemError.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents an ItemError.
                 * @implements IItemError
                 * @constructor
                 * @param {vexfs.bridge.v1.IItemError=} [p] Properties to set
                 */
                function ItemError(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * ItemError code.
                 * @member {number} code
                 * @memberof vexfs.bridge.v1.ItemError
                 * @instance
                 */
                ItemError.prototype.code = 0;

                /**
                 * ItemError message.
                 * @member {string} message
                 * @memberof vexfs.bridge.v1.ItemError
                 * @instance
                 */
                ItemError.prototype.message = "";

                /**
                 * Creates a new ItemError instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.ItemError
                 * @static
                 * @param {vexfs.bridge.v1.IItemError=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.ItemError} ItemError instance
                 */
                ItemError.create = function create(properties) {
                    return new ItemError(properties);
                };

                /**
                 * Encodes the specified ItemError message. Does not implicitly {@link vexfs.bridge.v1.ItemError.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.ItemError
                 * @static
                 * @param {vexfs.bridge.v1.IItemError} m ItemError message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ItemError.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.code != null && Object.hasOwnProperty.call(m, "code"))
                        w.uint32(8).uint32(m.code);
                    if (m.message != null && Object.hasOwnProperty.call(m, "message"))
                        w.uint32(18).string(m.message);
                    return w;
                };

                /**
                 * Decodes an ItemError message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.ItemError
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.ItemError} ItemError
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ItemError.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.ItemError();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.code = r.uint32();
                                break;
                            }
                        case 2: {
                                m.message = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates an ItemError message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.ItemError
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.ItemError} ItemError
                 */
                ItemError.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.ItemError)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.ItemError: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.ItemError();
                    if (d.code != null) {
                        m.code = d.code >>> 0;
                    }
                    if (d.message != null) {
                        m.message = String(d.message);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from an ItemError message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.ItemError
                 * @static
                 * @param {vexfs.bridge.v1.ItemError} m ItemError
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ItemError.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.code = 0;
                        d.message = "";
                    }
                    if (m.code != null && Object.hasOwnProperty.call(m, "code")) {
                        d.code = m.code;
                    }
                    if (m.message != null && Object.hasOwnProperty.call(m, "message")) {
                        d.message = m.message;
                    }
                    return d;
                };

                /**
                 * Converts this ItemError to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.ItemError
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ItemError.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for ItemError
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.ItemError
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                ItemError.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.ItemError";
                };

                return ItemError;
            })();

            v1.EmbedResult = (function() {

                /**
                 * Properties of an EmbedResult.
                 * @memberof vexfs.bridge.v1
                 * @interface IEmbedResult
                 * @property {Uint8Array|null} [vector] EmbedResult vector
                 * @property {vexfs.bridge.v1.IItemError|null} [error] EmbedResult error
                 * @property {string|null} [traceparent] EmbedResult traceparent
                 * @property {boolean|null} [truncated] EmbedResult truncated
                 */

                /**
                 * Constructs a new EmbedResult.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents an EmbedResult.
                 * @implements IEmbedResult
                 * @constructor
                 * @param {vexfs.bridge.v1.IEmbedResult=} [p] Properties to set
                 */
                function EmbedResult(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * EmbedResult vector.
                 * @member {Uint8Array} vector
                 * @memberof vexfs.bridge.v1.EmbedResult
                 * @instance
                 */
                EmbedResult.prototype.vector = $util.newBuffer([]);

                /**
                 * EmbedResult error.
                 * @member {vexfs.bridge.v1.IItemError|null|undefined} error
                 * @memberof vexfs.bridge.v1.EmbedResult
                 * @instance
                 */
                EmbedResult.prototype.error = null;

                /**
                 * EmbedResult traceparent.
                 * @member {string} traceparent
                 * @memberof vexfs.bridge.v1.EmbedResult
                 * @instance
                 */
                EmbedResult.prototype.traceparent = "";

                /**
                 * EmbedResult truncated.
                 * @member {boolean} truncated
                 * @memberof vexfs.bridge.v1.EmbedResult
                 * @instance
                 */
                EmbedResult.prototype.truncated = false;

                /**
                 * Creates a new EmbedResult instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.EmbedResult
                 * @static
                 * @param {vexfs.bridge.v1.IEmbedResult=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.EmbedResult} EmbedResult instance
                 */
                EmbedResult.create = function create(properties) {
                    return new EmbedResult(properties);
                };

                /**
                 * Encodes the specified EmbedResult message. Does not implicitly {@link vexfs.bridge.v1.EmbedResult.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.EmbedResult
                 * @static
                 * @param {vexfs.bridge.v1.IEmbedResult} m EmbedResult message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                EmbedResult.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.vector != null && Object.hasOwnProperty.call(m, "vector"))
                        w.uint32(10).bytes(m.vector);
                    if (m.error != null && Object.hasOwnProperty.call(m, "error"))
                        $root.vexfs.bridge.v1.ItemError.encode(m.error, w.uint32(18).fork(), q + 1).ldelim();
                    if (m.traceparent != null && Object.hasOwnProperty.call(m, "traceparent"))
                        w.uint32(26).string(m.traceparent);
                    if (m.truncated != null && Object.hasOwnProperty.call(m, "truncated"))
                        w.uint32(32).bool(m.truncated);
                    return w;
                };

                /**
                 * Decodes an EmbedResult message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.EmbedResult
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.EmbedResult} EmbedResult
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                EmbedResult.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.EmbedResult();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.vector = r.bytes();
                                break;
                            }
                        case 2: {
                                m.error = $root.vexfs.bridge.v1.ItemError.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 3: {
                                m.traceparent = r.string();
                                break;
                            }
                        case 4: {
                                m.truncated = r.bool();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates an EmbedResult message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.EmbedResult
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.EmbedResult} EmbedResult
                 */
                EmbedResult.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.EmbedResult)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.EmbedResult: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.EmbedResult();
                    if (d.vector != null) {
                        if (typeof d.vector === "string")
                            $util.base64.decode(d.vector, m.vector = $util.newBuffer($util.base64.length(d.vector)), 0);
                        else if (d.vector.length >= 0)
                            m.vector = d.vector;
                    }
                    if (d.error != null) {
                        if (!$util.isObject(d.error))
                            throw TypeError(".vexfs.bridge.v1.EmbedResult.error: object expected");
                        m.error = $root.vexfs.bridge.v1.ItemError.fromObject(d.error, n + 1);
                    }
                    if (d.traceparent != null) {
                        m.traceparent = String(d.traceparent);
                    }
                    if (d.truncated != null) {
                        m.truncated = Boolean(d.truncated);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from an EmbedResult message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.EmbedResult
                 * @static
                 * @param {vexfs.bridge.v1.EmbedResult} m EmbedResult
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                EmbedResult.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        if (o.bytes === String)
                            d.vector = "";
                        else {
                            d.vector = [];
                            if (o.bytes !== Array)
                                d.vector = $util.newBuffer(d.vector);
                        }
                        d.error = null;
                        d.traceparent = "";
                        d.truncated = false;
                    }
                    if (m.vector != null && Object.hasOwnProperty.call(m, "vector")) {
                        d.vector = o.bytes === String ? $util.base64.encode(m.vector, 0, m.vector.length) : o.bytes === Array ? Array.prototype.slice.call(m.vector) : m.vector;
                    }
                    if (m.error != null && Object.hasOwnProperty.call(m, "error")) {
                        d.error = $root.vexfs.bridge.v1.ItemError.toObject(m.error, o, q + 1);
                    }
                    if (m.traceparent != null && Object.hasOwnProperty.call(m, "traceparent")) {
                        d.traceparent = m.traceparent;
                    }
                    if (m.truncated != null && Object.hasOwnProperty.call(m, "truncated")) {
                        d.truncated = m.truncated;
                    }
                    return d;
                };

                /**
                 * Converts this EmbedResult to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.EmbedResult
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                EmbedResult.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for EmbedResult
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.EmbedResult
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                EmbedResult.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.EmbedResult";
                };

                return EmbedResult;
            })();

            v1.EmbedBatchResponse = (function() {

                /**
                 * Properties of an EmbedBatchResponse.
                 * @memberof vexfs.bridge.v1
                 * @interface IEmbedBatchResponse
                 * @property {number|null} [batchId] EmbedBatchResponse batchId
                 * @property {Array.<vexfs.bridge.v1.IEmbedResult>|null} [results] EmbedBatchResponse results
                 * @property {vexfs.bridge.v1.IItemError|null} [error] EmbedBatchResponse error
                 * @property {string|null} [model] EmbedBatchResponse model
                 * @property {string|null} [modelVersion] EmbedBatchResponse modelVersion
                 */

                /**
                 * Constructs a new EmbedBatchResponse.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents an EmbedBatchResponse.
                 * @implements IEmbedBatchResponse
                 * @constructor
                 * @param {vexfs.bridge.v1.IEmbedBatchResponse=} [p] Properties to set
                 */
                function EmbedBatchResponse(p) {
                    this.results = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * EmbedBatchResponse batchId.
                 * @member {number} batchId
                 * @memberof vexfs.bridge.v1.EmbedBatchResponse
                 * @instance
                 */
                EmbedBatchResponse.prototype.batchId = 0;

                /**
                 * EmbedBatchResponse results.
                 * @member {Array.<vexfs.bridge.v1.IEmbedResult>} results
                 * @memberof vexfs.bridge.v1.EmbedBatchResponse
                 * @instance
                 */
                EmbedBatchResponse.prototype.results = $util.emptyArray;

                /**
                 * EmbedBatchResponse error.
                 * @member {vexfs.bridge.v1.IItemError|null|undefined} error
                 * @memberof vexfs.bridge.v1.EmbedBatchResponse
                 * @instance
                 */
                EmbedBatchResponse.prototype.error = null;

                /**
                 * EmbedBatchResponse model.
                 * @member {string} model
                 * @memberof vexfs.bridge.v1.EmbedBatchResponse
                 * @instance
                 */
                EmbedBatchResponse.prototype.model = "";

                /**
                 * EmbedBatchResponse modelVersion.
                 * @member {string} modelVersion
                 * @memberof vexfs.bridge.v1.EmbedBatchResponse
                 * @instance
                 */
                EmbedBatchResponse.prototype.modelVersion = "";

                /**
                 * Creates a new EmbedBatchResponse instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.EmbedBatchResponse
                 * @static
                 * @param {vexfs.bridge.v1.IEmbedBatchResponse=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.EmbedBatchResponse} EmbedBatchResponse instance
                 */
                EmbedBatchResponse.create = function create(properties) {
                    return new EmbedBatchResponse(properties);
                };

                /**
                 * Encodes the specified EmbedBatchResponse message. Does not implicitly {@link vexfs.bridge.v1.EmbedBatchResponse.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.EmbedBatchResponse
                 * @static
                 * @param {vexfs.bridge.v1.IEmbedBatchResponse} m EmbedBatchResponse message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                EmbedBatchResponse.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.batchId != null && Object.hasOwnProperty.call(m, "batchId"))
                        w.uint32(8).uint32(m.batchId);
                    if (m.results != null && m.results.length) {
                        for (var i = 0; i < m.results.length; ++i)
                            $root.vexfs.bridge.v1.EmbedResult.encode(m.results[i], w.uint32(18).fork(), q + 1).ldelim();
                    }
                    if (m.error != null && Object.hasOwnProperty.call(m, "error"))
                        $root.vexfs.bridge.v1.ItemError.encode(m.error, w.uint32(26).fork(), q + 1).ldelim();
                    if (m.model != null && Object.hasOwnProperty.call(m, "model"))
                        w.uint32(34).string(m.model);
                    if (m.modelVersion != null && Object.hasOwnProperty.call(m, "modelVersion"))
                        w.uint32(42).string(m.modelVersion);
                    return w;
                };

                /**
                 * Decodes an EmbedBatchResponse message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.EmbedBatchResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.EmbedBatchResponse} EmbedBatchResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                EmbedBatchResponse.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.EmbedBatchResponse();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.batchId = r.uint32();
                                break;
                            }
                        case 2: {
                                if (!(m.results && m.results.length))
                                    m.results = [];
                                m.results.push($root.vexfs.bridge.v1.EmbedResult.decode(r, r.uint32(), undefined, n + 1));
                                break;
                            }
                        case 3: {
                                m.error = $root.vexfs.bridge.v1.ItemError.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 4: {
                                m.model = r.string();
                                break;
                            }
                        case 5: {
                                m.modelVersion = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates an EmbedBatchResponse message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.EmbedBatchResponse
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.EmbedBatchResponse} EmbedBatchResponse
                 */
                EmbedBatchResponse.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.EmbedBatchResponse)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.EmbedBatchResponse: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.EmbedBatchResponse();
                    if (d.batchId != null) {
                        m.batchId = d.batchId >>> 0;
                    }
                    if (d.results) {
                        if (!Array.isArray(d.results))
                            throw TypeError(".vexfs.bridge.v1.EmbedBatchResponse.results: array expected");
                        m.results = [];
                        for (var i = 0; i < d.results.length; ++i) {
                            if (!$util.isObject(d.results[i]))
                                throw TypeError(".vexfs.bridge.v1.EmbedBatchResponse.results: object expected");
                            m.results[i] = $root.vexfs.bridge.v1.EmbedResult.fromObject(d.results[i], n + 1);
                        }
                    }
                    if (d.error != null) {
                        if (!$util.isObject(d.error))
                            throw TypeError(".vexfs.bridge.v1.EmbedBatchResponse.error: object expected");
                        m.error = $root.vexfs.bridge.v1.ItemError.fromObject(d.error, n + 1);
                    }
                    if (d.model != null) {
                        m.model = String(d.model);
                    }
                    if (d.modelVersion != null) {
                        m.modelVersion = String(d.modelVersion);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from an EmbedBatchResponse message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.EmbedBatchResponse
                 * @static
                 * @param {vexfs.bridge.v1.EmbedBatchResponse} m EmbedBatchResponse
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                EmbedBatchResponse.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.results = [];
                    }
                    if (o.defaults) {
                        d.batchId = 0;
                        d.error = null;
                        d.model = "";
                        d.modelVersion = "";
                    }
                    if (m.batchId != null && Object.hasOwnProperty.call(m, "batchId")) {
                        d.batchId = m.batchId;
                    }
                    if (m.results && m.results.length) {
                        d.results = [];
                        for (var j = 0; j < m.results.length; ++j) {
                            d.results[j] = $root.vexfs.bridge.v1.EmbedResult.toObject(m.results[j], o, q + 1);
                        }
                    }
                    if (m.error != null && Object.hasOwnProperty.call(m, "error")) {
                        d.error = $root.vexfs.bridge.v1.ItemError.toObject(m.error, o, q + 1);
                    }
                    if (m.model != null && Object.hasOwnProperty.call(m, "model")) {
                        d.model = m.model;
                    }
                    if (m.modelVersion != null && Object.hasOwnProperty.call(m, "modelVersion")) {
                        d.modelVersion = m.modelVersion;
                    }
                    return d;
                };

                /**
                 * Converts this EmbedBatchResponse to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.EmbedBatchResponse
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                EmbedBatchResponse.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for EmbedBatchResponse
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.EmbedBatchResponse
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                EmbedBatchResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.EmbedBatchResponse";
                };

                return EmbedBatchResponse;
            })();

            v1.HealthCheck = (function() {

                /**
                 * Properties of a HealthCheck.
                 * @memberof vexfs.bridge.v1
                 * @interface IHealthCheck
                 * @property {number|null} [id] HealthCheck id
                 */

                /**
                 * Constructs a new HealthCheck.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents a HealthCheck.
                 * @implements IHealthCheck
                 * @constructor
                 * @param {vexfs.bridge.v1.IHealthCheck=} [p] Properties to set
                 */
                function HealthCheck(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * HealthCheck id.
                 * @member {number} id
                 * @memberof vexfs.bridge.v1.HealthCheck
                 * @instance
                 */
                HealthCheck.prototype.id = 0;

                /**
                 * Creates a new HealthCheck instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.HealthCheck
                 * @static
                 * @param {vexfs.bridge.v1.IHealthCheck=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.HealthCheck} HealthCheck instance
                 */
                HealthCheck.create = function create(properties) {
                    return new HealthCheck(properties);
                };

                /**
                 * Encodes the specified HealthCheck message. Does not implicitly {@link vexfs.bridge.v1.HealthCheck.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.HealthCheck
                 * @static
                 * @param {vexfs.bridge.v1.IHealthCheck} m HealthCheck message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                HealthCheck.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                        w.uint32(8).uint32(m.id);
                    return w;
                };

                /**
                 * Decodes a HealthCheck message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.HealthCheck
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.HealthCheck} HealthCheck
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                HealthCheck.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.HealthCheck();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.id = r.uint32();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a HealthCheck message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.HealthCheck
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.HealthCheck} HealthCheck
                 */
                HealthCheck.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.HealthCheck)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.HealthCheck: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.HealthCheck();
                    if (d.id != null) {
                        m.id = d.id >>> 0;
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a HealthCheck message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.HealthCheck
                 * @static
                 * @param {vexfs.bridge.v1.HealthCheck} m HealthCheck
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                HealthCheck.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.id = 0;
                    }
                    if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                        d.id = m.id;
                    }
                    return d;
                };

                /**
                 * Converts this HealthCheck to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.HealthCheck
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                HealthCheck.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for HealthCheck
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.HealthCheck
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                HealthCheck.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.HealthCheck";
                };

                return HealthCheck;
            })();

            v1.HealthCheckResult = (function() {

                /**
                 * Properties of a HealthCheckResult.
                 * @memberof vexfs.bridge.v1
                 * @interface IHealthCheckResult
                 * @property {number|null} [id] HealthCheckResult id
                 * @property {boolean|null} [healthy] HealthCheckResult healthy
                 * @property {string|null} [message] HealthCheckResult message
                 */

                /**
                 * Constructs a new HealthCheckResult.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents a HealthCheckResult.
                 * @implements IHealthCheckResult
                 * @constructor
                 * @param {vexfs.bridge.v1.IHealthCheckResult=} [p] Properties to set
                 */
                function HealthCheckResult(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * HealthCheckResult id.
                 * @member {number} id
                 * @memberof vexfs.bridge.v1.HealthCheckResult
                 * @instance
                 */
                HealthCheckResult.prototype.id = 0;

                /**
                 * HealthCheckResult healthy.
                 * @member {boolean} healthy
                 * @memberof vexfs.bridge.v1.HealthCheckResult
                 * @instance
                 */
                HealthCheckResult.prototype.healthy = false;

                /**
                 * HealthCheckResult message.
                 * @member {string} message
                 * @memberof vexfs.bridge.v1.HealthCheckResult
                 * @instance
                 */
                HealthCheckResult.prototype.message = "";

                /**
                 * Creates a new HealthCheckResult instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.HealthCheckResult
                 * @static
                 * @param {vexfs.bridge.v1.IHealthCheckResult=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.HealthCheckResult} HealthCheckResult instance
                 */
                HealthCheckResult.create = function create(properties) {
                    return new HealthCheckResult(properties);
                };

                /**
                 * Encodes the specified HealthCheckResult message. Does not implicitly {@link vexfs.bridge.v1.HealthCheckResult.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.HealthCheckResult
                 * @static
                 * @param {vexfs.bridge.v1.IHealthCheckResult} m HealthCheckResult message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                HealthCheckResult.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                        w.uint32(8).uint32(m.id);
                    if (m.healthy != null && Object.hasOwnProperty.call(m, "healthy"))
                        w.uint32(16).bool(m.healthy);
                    if (m.message != null && Object.hasOwnProperty.call(m, "message"))
                        w.uint32(26).string(m.message);
                    return w;
                };

                /**
                 * Decodes a HealthCheckResult message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.HealthCheckResult
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.HealthCheckResult} HealthCheckResult
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                HealthCheckResult.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.HealthCheckResult();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.id = r.uint32();
                                break;
                            }
                        case 2: {
                                m.healthy = r.bool();
                                break;
                            }
                        case 3: {
                                m.message = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a HealthCheckResult message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.HealthCheckResult
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.HealthCheckResult} HealthCheckResult
                 */
                HealthCheckResult.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.HealthCheckResult)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.HealthCheckResult: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.HealthCheckResult();
                    if (d.id != null) {
                        m.id = d.id >>> 0;
                    }
                    if (d.healthy != null) {
                        m.healthy = Boolean(d.healthy);
                    }
                    if (d.message != null) {
                        m.message = String(d.message);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a HealthCheckResult message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.HealthCheckResult
                 * @static
                 * @param {vexfs.bridge.v1.HealthCheckResult} m HealthCheckResult
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                HealthCheckResult.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.id = 0;
                        d.healthy = false;
                        d.message = "";
                    }
                    if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                        d.id = m.id;
                    }
                    if (m.healthy != null && Object.hasOwnProperty.call(m, "healthy")) {
                        d.healthy = m.healthy;
                    }
                    if (m.message != null && Object.hasOwnProperty.call(m, "message")) {
                        d.message = m.message;
                    }
                    return d;
                };

                /**
                 * Converts this HealthCheckResult to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.HealthCheckResult
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                HealthCheckResult.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for HealthCheckResult
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.HealthCheckResult
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                HealthCheckResult.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.HealthCheckResult";
                };

                return HealthCheckResult;
            })();

            v1.Stopping = (function() {

                /**
                 * Properties of a Stopping.
                 * @memberof vexfs.bridge.v1
                 * @interface IStopping
                 * @property {number|null} [drainMs] Stopping drainMs
                 */

                /**
                 * Constructs a new Stopping.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents a Stopping.
                 * @implements IStopping
                 * @constructor
                 * @param {vexfs.bridge.v1.IStopping=} [p] Properties to set
                 */
                function Stopping(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * Stopping drainMs.
                 * @member {number} drainMs
                 * @memberof vexfs.bridge.v1.Stopping
                 * @instance
                 */
                Stopping.prototype.drainMs = 0;

                /**
                 * Creates a new Stopping instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.Stopping
                 * @static
                 * @param {vexfs.bridge.v1.IStopping=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.Stopping} Stopping instance
                 */
                Stopping.create = function create(properties) {
                    return new Stopping(properties);
                };

                /**
                 * Encodes the specified Stopping message. Does not implicitly {@link vexfs.bridge.v1.Stopping.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.Stopping
                 * @static
                 * @param {vexfs.bridge.v1.IStopping} m Stopping message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Stopping.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.drainMs != null && Object.hasOwnProperty.call(m, "drainMs"))
                        w.uint32(8).uint32(m.drainMs);
                    return w;
                };

                /**
                 * Decodes a Stopping message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.Stopping
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.Stopping} Stopping
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Stopping.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.Stopping();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.drainMs = r.uint32();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a Stopping message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.Stopping
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.Stopping} Stopping
                 */
                Stopping.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.Stopping)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.Stopping: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.Stopping();
                    if (d.drainMs != null) {
                        m.drainMs = d.drainMs >>> 0;
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a Stopping message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.Stopping
                 * @static
                 * @param {vexfs.bridge.v1.Stopping} m Stopping
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Stopping.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.drainMs = 0;
                    }
                    if (m.drainMs != null && Object.hasOwnProperty.call(m, "drainMs")) {
                        d.drainMs = m.drainMs;
                    }
                    return d;
                };

                /**
                 * Converts this Stopping to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.Stopping
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Stopping.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for Stopping
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.Stopping
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                Stopping.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.Stopping";
                };

                return Stopping;
            })();

            v1.ServiceFrame = (function() {

                /**
                 * Properties of a ServiceFrame.
                 * @memberof vexfs.bridge.v1
                 * @interface IServiceFrame
                 * @property {vexfs.bridge.v1.IHello|null} [hello] ServiceFrame hello
                 * @property {vexfs.bridge.v1.IHeartbeat|null} [heartbeat] ServiceFrame heartbeat
                 * @property {vexfs.bridge.v1.IEmbedBatchRequest|null} [request] ServiceFrame request
                 * @property {vexfs.bridge.v1.IEmbedBatchResponse|null} [response] ServiceFrame response
                 * @property {vexfs.bridge.v1.IHealthCheck|null} [healthCheck] ServiceFrame healthCheck
                 * @property {vexfs.bridge.v1.IHealthCheckResult|null} [healthResult] ServiceFrame healthResult
                 * @property {vexfs.bridge.v1.IStopping|null} [stopping] ServiceFrame stopping
                 */

                /**
                 * Constructs a new ServiceFrame.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents a ServiceFrame.
                 * @implements IServiceFrame
                 * @constructor
                 * @param {vexfs.bridge.v1.IServiceFrame=} [p] Properties to set
                 */
                function ServiceFrame(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * ServiceFrame hello.
                 * @member {vexfs.bridge.v1.IHello|null|undefined} hello
                 * @memberof vexfs.bridge.v1.ServiceFrame
                 * @instance
                 */
                ServiceFrame.prototype.hello = null;

                /**
                 * ServiceFrame heartbeat.
                 * @member {vexfs.bridge.v1.IHeartbeat|null|undefined} heartbeat
                 * @memberof vexfs.bridge.v1.ServiceFrame
                 * @instance
                 */
                ServiceFrame.prototype.heartbeat = null;

                /**
                 * ServiceFrame request.
                 * @member {vexfs.bridge.v1.IEmbedBatchRequest|null|undefined} request
                 * @memberof vexfs.bridge.v1.ServiceFrame
                 * @instance
                 */
                ServiceFrame.prototype.request = null;

                /**
                 * ServiceFrame response.
                 * @member {vexfs.bridge.v1.IEmbedBatchResponse|null|undefined} response
                 * @memberof vexfs.bridge.v1.ServiceFrame
                 * @instance
                 */
                ServiceFrame.prototype.response = null;

                /**
                 * ServiceFrame healthCheck.
                 * @member {vexfs.bridge.v1.IHealthCheck|null|undefined} healthCheck
                 * @memberof vexfs.bridge.v1.ServiceFrame
                 * @instance
                 */
                ServiceFrame.prototype.healthCheck = null;

                /**
                 * ServiceFrame healthResult.
                 * @member {vexfs.bridge.v1.IHealthCheckResult|null|undefined} healthResult
                 * @memberof vexfs.bridge.v1.ServiceFrame
                 * @instance
                 */
                ServiceFrame.prototype.healthResult = null;

                /**
                 * ServiceFrame stopping.
                 * @member {vexfs.bridge.v1.IStopping|null|undefined} stopping
                 * @memberof vexfs.bridge.v1.ServiceFrame
                 * @instance
                 */
                ServiceFrame.prototype.stopping = null;

                // OneOf field names bound to virtual getters and setters
                let $oneOfFields;

                /**
                 * ServiceFrame body.
                 * @member {"hello"|"heartbeat"|"request"|"response"|"healthCheck"|"healthResult"|"stopping"|undefined} body
                 * @memberof vexfs.bridge.v1.ServiceFrame
                 * @instance
                 */
                Object.defineProperty(ServiceFrame.prototype, "body", {
                    get: $util.oneOfGetter($oneOfFields = ["hello", "heartbeat", "request", "response", "healthCheck", "healthResult", "stopping"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new ServiceFrame instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.ServiceFrame
                 * @static
                 * @param {vexfs.bridge.v1.IServiceFrame=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.ServiceFrame} ServiceFrame instance
                 */
                ServiceFrame.create = function create(properties) {
                    return new ServiceFrame(properties);
                };

                /**
                 * Encodes the specified ServiceFrame message. Does not implicitly {@link vexfs.bridge.v1.ServiceFrame.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.ServiceFrame
                 * @static
                 * @param {vexfs.bridge.v1.IServiceFrame} m ServiceFrame message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ServiceFrame.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.hello != null && Object.hasOwnProperty.call(m, "hello"))
                        $root.vexfs.bridge.v1.Hello.encode(m.hello, w.uint32(10).fork(), q + 1).ldelim();
                    if (m.heartbeat != null && Object.hasOwnProperty.call(m, "heartbeat"))
                        $root.vexfs.bridge.v1.Heartbeat.encode(m.heartbeat, w.uint32(18).fork(), q + 1).ldelim();
                    if (m.request != null && Object.hasOwnProperty.call(m, "request"))
                        $root.vexfs.bridge.v1.EmbedBatchRequest.encode(m.request, w.uint32(26).fork(), q + 1).ldelim();
                    if (m.response != null && Object.hasOwnProperty.call(m, "response"))
                        $root.vexfs.bridge.v1.EmbedBatchResponse.encode(m.response, w.uint32(34).fork(), q + 1).ldelim();
                    if (m.healthCheck != null && Object.hasOwnProperty.call(m, "healthCheck"))
                        $root.vexfs.bridge.v1.HealthCheck.encode(m.healthCheck, w.uint32(42).fork(), q + 1).ldelim();
                    if (m.healthResult != null && Object.hasOwnProperty.call(m, "healthResult"))
                        $root.vexfs.bridge.v1.HealthCheckResult.encode(m.healthResult, w.uint32(50).fork(), q + 1).ldelim();
                    if (m.stopping != null && Object.hasOwnProperty.call(m, "stopping"))
                        $root.vexfs.bridge.v1.Stopping.encode(m.stopping, w.uint32(58).fork(), q + 1).ldelim();
                    return w;
                };

                /**
                 * Decodes a ServiceFrame message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.ServiceFrame
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.ServiceFrame} ServiceFrame
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ServiceFrame.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.ServiceFrame();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.hello = $root.vexfs.bridge.v1.Hello.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 2: {
                                m.heartbeat = $root.vexfs.bridge.v1.Heartbeat.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 3: {
                                m.request = $root.vexfs.bridge.v1.EmbedBatchRequest.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 4: {
                                m.response = $root.vexfs.bridge.v1.EmbedBatchResponse.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 5: {
                                m.healthCheck = $root.vexfs.bridge.v1.HealthCheck.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 6: {
                                m.healthResult = $root.vexfs.bridge.v1.HealthCheckResult.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 7: {
                                m.stopping = $root.vexfs.bridge.v1.Stopping.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a ServiceFrame message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.ServiceFrame
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.ServiceFrame} ServiceFrame
                 */
                ServiceFrame.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.ServiceFrame)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.ServiceFrame: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.ServiceFrame();
                    if (d.hello != null) {
                        if (!$util.isObject(d.hello))
                            throw TypeError(".vexfs.bridge.v1.ServiceFrame.hello: object expected");
                        m.hello = $root.vexfs.bridge.v1.Hello.fromObject(d.hello, n + 1);
                    }
                    if (d.heartbeat != null) {
                        if (!$util.isObject(d.heartbeat))
                            throw TypeError(".vexfs.bridge.v1.ServiceFrame.heartbeat: object expected");
                        m.heartbeat = $root.vexfs.bridge.v1.Heartbeat.fromObject(d.heartbeat, n + 1);
                    }
                    if (d.request != null) {
                        if (!$util.isObject(d.request))
                            throw TypeError(".vexfs.bridge.v1.ServiceFrame.request: object expected");
                        m.request = $root.vexfs.bridge.v1.EmbedBatchRequest.fromObject(d.request, n + 1);
                    }
                    if (d.response != null) {
                        if (!$util.isObject(d.response))
                            throw TypeError(".vexfs.bridge.v1.ServiceFrame.response: object expected");
                        m.response = $root.vexfs.bridge.v1.EmbedBatchResponse.fromObject(d.response, n + 1);
                    }
                    if (d.healthCheck != null) {
                        if (!$util.isObject(d.healthCheck))
                            throw TypeError(".vexfs.bridge.v1.ServiceFrame.healthCheck: object expected");
                        m.healthCheck = $root.vexfs.bridge.v1.HealthCheck.fromObject(d.healthCheck, n + 1);
                    }
                    if (d.healthResult != null) {
                        if (!$util.isObject(d.healthResult))
                            throw TypeError(".vexfs.bridge.v1.ServiceFrame.healthResult: object expected");
                        m.healthResult = $root.vexfs.bridge.v1.HealthCheckResult.fromObject(d.healthResult, n + 1);
                    }
                    if (d.stopping != null) {
                        if (!$util.isObject(d.stopping))
                            throw TypeError(".vexfs.bridge.v1.ServiceFrame.stopping: object expected");
                        m.stopping = $root.vexfs.bridge.v1.Stopping.fromObject(d.stopping, n + 1);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a ServiceFrame message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.ServiceFrame
                 * @static
                 * @param {vexfs.bridge.v1.ServiceFrame} m ServiceFrame
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ServiceFrame.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (m.hello != null && Object.hasOwnProperty.call(m, "hello")) {
                        d.hello = $root.vexfs.bridge.v1.Hello.toObject(m.hello, o, q + 1);
                        if (o.oneofs)
                            d.body = "hello";
                    }
                    if (m.heartbeat != null && Object.hasOwnProperty.call(m, "heartbeat")) {
                        d.heartbeat = $root.vexfs.bridge.v1.Heartbeat.toObject(m.heartbeat, o, q + 1);
                        if (o.oneofs)
                            d.body = "heartbeat";
                    }
                    if (m.request != null && Object.hasOwnProperty.call(m, "request")) {
                        d.request = $root.vexfs.bridge.v1.EmbedBatchRequest.toObject(m.request, o, q + 1);
                        if (o.oneofs)
                            d.body = "request";
                    }
                    if (m.response != null && Object.hasOwnProperty.call(m, "response")) {
                        d.response = $root.vexfs.bridge.v1.EmbedBatchResponse.toObject(m.response, o, q + 1);
                        if (o.oneofs)
                            d.body = "response";
                    }
                    if (m.healthCheck != null && Object.hasOwnProperty.call(m, "healthCheck")) {
                        d.healthCheck = $root.vexfs.bridge.v1.HealthCheck.toObject(m.healthCheck, o, q + 1);
                        if (o.oneofs)
                            d.body = "healthCheck";
                    }
                    if (m.healthResult != null && Object.hasOwnProperty.call(m, "healthResult")) {
                        d.healthResult = $root.vexfs.bridge.v1.HealthCheckResult.toObject(m.healthResult, o, q + 1);
                        if (o.oneofs)
                            d.body = "healthResult";
                    }
                    if (m.stopping != null && Object.hasOwnProperty.call(m, "stopping")) {
                        d.stopping = $root.vexfs.bridge.v1.Stopping.toObject(m.stopping, o, q + 1);
                        if (o.oneofs)
                            d.body = "stopping";
                    }
                    return d;
                };

                /**
                 * Converts this ServiceFrame to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.ServiceFrame
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ServiceFrame.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for ServiceFrame
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.ServiceFrame
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                ServiceFrame.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.ServiceFrame";
                };

                return ServiceFrame;
            })();

            v1.EmbedCall = (function() {

                /**
                 * Properties of an EmbedCall.
                 * @memberof vexfs.bridge.v1
                 * @interface IEmbedCall
                 * @property {Uint8Array|null} [input] EmbedCall input
                 * @property {string|null} [model] EmbedCall model
                 * @property {number|null} [dimensions] EmbedCall dimensions
                 * @property {number|null} [dataType] EmbedCall dataType
                 * @property {number|null} [priority] EmbedCall priority
                 * @property {number|null} [timeoutMs] EmbedCall timeoutMs
                 * @property {string|null} [sessionKey] EmbedCall sessionKey
                 */

                /**
                 * Constructs a new EmbedCall.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents an EmbedCall.
                 * @implements IEmbedCall
                 * @constructor
                 * @param {vexfs.bridge.v1.IEmbedCall=} [p] Properties to set
                 */
                function EmbedCall(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * EmbedCall input.
                 * @member {Uint8Array} input
                 * @memberof vexfs.bridge.v1.EmbedCall
                 * @instance
                 */
                EmbedCall.prototype.input = $util.newBuffer([]);

                /**
                 * EmbedCall model.
                 * @member {string} model
                 * @memberof vexfs.bridge.v1.EmbedCall
                 * @instance
                 */
                EmbedCall.prototype.model = "";

                /**
                 * EmbedCall dimensions.
                 * @member {number} dimensions
                 * @memberof vexfs.bridge.v1.EmbedCall
                 * @instance
                 */
                EmbedCall.prototype.dimensions = 0;

                /**
                 * EmbedCall dataType.
                 * @member {number} dataType
                 * @memberof vexfs.bridge.v1.EmbedCall
                 * @instance
                 */
                EmbedCall.prototype.dataType = 0;

                /**
                 * EmbedCall priority.
                 * @member {number} priority
                 * @memberof vexfs.bridge.v1.EmbedCall
                 * @instance
                 */
                EmbedCall.prototype.priority = 0;

                /**
                 * EmbedCall timeoutMs.
                 * @member {number} timeoutMs
                 * @memberof vexfs.bridge.v1.EmbedCall
                 * @instance
                 */
                EmbedCall.prototype.timeoutMs = 0;

                /**
                 * EmbedCall sessionKey.
                 * @member {string} sessionKey
                 * @memberof vexfs.bridge.v1.EmbedCall
                 * @instance
                 */
                EmbedCall.prototype.sessionKey = "";

                /**
                 * Creates a new EmbedCall instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.EmbedCall
                 * @static
                 * @param {vexfs.bridge.v1.IEmbedCall=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.EmbedCall} EmbedCall instance
                 */
                EmbedCall.create = function create(properties) {
                    return new EmbedCall(properties);
                };

                /**
                 * Encodes the specified EmbedCall message. Does not implicitly {@link vexfs.bridge.v1.EmbedCall.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.EmbedCall
                 * @static
                 * @param {vexfs.bridge.v1.IEmbedCall} m EmbedCall message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                EmbedCall.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.input != null && Object.hasOwnProperty.call(m, "input"))
                        w.uint32(10).bytes(m.input);
                    if (m.model != null && Object.hasOwnProperty.call(m, "model"))
                        w.uint32(18).string(m.model);
                    if (m.dimensions != null && Object.hasOwnProperty.call(m, "dimensions"))
                        w.uint32(24).uint32(m.dimensions);
                    if (m.dataType != null && Object.hasOwnProperty.call(m, "dataType"))
                        w.uint32(32).uint32(m.dataType);
                    if (m.priority != null && Object.hasOwnProperty.call(m, "priority"))
                        w.uint32(40).uint32(m.priority);
                    if (m.timeoutMs != null && Object.hasOwnProperty.call(m, "timeoutMs"))
                        w.uint32(48).uint32(m.timeoutMs);
                    if (m.sessionKey != null && Object.hasOwnProperty.call(m, "sessionKey"))
                        w.uint32(58).string(m.sessionKey);
                    return w;
                };

                /**
                 * Decodes an EmbedCall message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.EmbedCall
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.EmbedCall} EmbedCall
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                EmbedCall.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.EmbedCall();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.input = r.bytes();
                                break;
                            }
                        case 2: {
                                m.model = r.string();
                                break;
                            }
                        case 3: {
                                m.dimensions = r.uint32();
                                break;
                            }
                        case 4: {
                                m.dataType = r.uint32();
                                break;
                            }
                        case 5: {
                                m.priority = r.uint32();
                                break;
                            }
                        case 6: {
                                m.timeoutMs = r.uint32();
                                break;
                            }
                        case 7: {
                                m.sessionKey = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates an EmbedCall message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.EmbedCall
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.EmbedCall} EmbedCall
                 */
                EmbedCall.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.EmbedCall)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.EmbedCall: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.EmbedCall();
                    if (d.input != null) {
                        if (typeof d.input === "string")
                            $util.base64.decode(d.input, m.input = $util.newBuffer($util.base64.length(d.input)), 0);
                        else if (d.input.length >= 0)
                            m.input = d.input;
                    }
                    if (d.model != null) {
                        m.model = String(d.model);
                    }
                    if (d.dimensions != null) {
                        m.dimensions = d.dimensions >>> 0;
                    }
                    if (d.dataType != null) {
                        m.dataType = d.dataType >>> 0;
                    }
                    if (d.priority != null) {
                        m.priority = d.priority >>> 0;
                    }
                    if (d.timeoutMs != null) {
                        m.timeoutMs = d.timeoutMs >>> 0;
                    }
                    if (d.sessionKey != null) {
                        m.sessionKey = String(d.sessionKey);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from an EmbedCall message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.EmbedCall
                 * @static
                 * @param {vexfs.bridge.v1.EmbedCall} m EmbedCall
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                EmbedCall.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        if (o.bytes === String)
                            d.input = "";
                        else {
                            d.input = [];
                            if (o.bytes !== Array)
                                d.input = $util.newBuffer(d.input);
                        }
                        d.model = "";
                        d.dimensions = 0;
                        d.dataType = 0;
                        d.priority = 0;
                        d.timeoutMs = 0;
                        d.sessionKey = "";
                    }
                    if (m.input != null && Object.hasOwnProperty.call(m, "input")) {
                        d.input = o.bytes === String ? $util.base64.encode(m.input, 0, m.input.length) : o.bytes === Array ? Array.prototype.slice.call(m.input) : m.input;
                    }
                    if (m.model != null && Object.hasOwnProperty.call(m, "model")) {
                        d.model = m.model;
                    }
                    if (m.dimensions != null && Object.hasOwnProperty.call(m, "dimensions")) {
                        d.dimensions = m.dimensions;
                    }
                    if (m.dataType != null && Object.hasOwnProperty.call(m, "dataType")) {
                        d.dataType = m.dataType;
                    }
                    if (m.priority != null && Object.hasOwnProperty.call(m, "priority")) {
                        d.priority = m.priority;
                    }
                    if (m.timeoutMs != null && Object.hasOwnProperty.call(m, "timeoutMs")) {
                        d.timeoutMs = m.timeoutMs;
                    }
                    if (m.sessionKey != null && Object.hasOwnProperty.call(m, "sessionKey")) {
                        d.sessionKey = m.sessionKey;
                    }
                    return d;
                };

                /**
                 * Converts this EmbedCall to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.EmbedCall
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                EmbedCall.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for EmbedCall
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.EmbedCall
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                EmbedCall.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.EmbedCall";
                };

                return EmbedCall;
            })();

            v1.EmbedOutcome = (function() {

                /**
                 * Properties of an EmbedOutcome.
                 * @memberof vexfs.bridge.v1
                 * @interface IEmbedOutcome
                 * @property {number|null} [requestId] EmbedOutcome requestId
                 * @property {number|null} [status] EmbedOutcome status
                 * @property {Uint8Array|null} [vector] EmbedOutcome vector
                 * @property {number|null} [processingNs] EmbedOutcome processingNs
                 * @property {string|null} [serviceId] EmbedOutcome serviceId
                 * @property {string|null} [model] EmbedOutcome model
                 * @property {string|null} [modelVersion] EmbedOutcome modelVersion
                 * @property {boolean|null} [truncated] EmbedOutcome truncated
                 */

                /**
                 * Constructs a new EmbedOutcome.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents an EmbedOutcome.
                 * @implements IEmbedOutcome
                 * @constructor
                 * @param {vexfs.bridge.v1.IEmbedOutcome=} [p] Properties to set
                 */
                function EmbedOutcome(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * EmbedOutcome requestId.
                 * @member {number} requestId
                 * @memberof vexfs.bridge.v1.EmbedOutcome
                 * @instance
                 */
                EmbedOutcome.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * EmbedOutcome status.
                 * @member {number} status
                 * @memberof vexfs.bridge.v1.EmbedOutcome
                 * @instance
                 */
                EmbedOutcome.prototype.status = 0;

                /**
                 * EmbedOutcome vector.
                 * @member {Uint8Array} vector
                 * @memberof vexfs.bridge.v1.EmbedOutcome
                 * @instance
                 */
                EmbedOutcome.prototype.vector = $util.newBuffer([]);

                /**
                 * EmbedOutcome processingNs.
                 * @member {number} processingNs
                 * @memberof vexfs.bridge.v1.EmbedOutcome
                 * @instance
                 */
                EmbedOutcome.prototype.processingNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * EmbedOutcome serviceId.
                 * @member {string} serviceId
                 * @memberof vexfs.bridge.v1.EmbedOutcome
                 * @instance
                 */
                EmbedOutcome.prototype.serviceId = "";

                /**
                 * EmbedOutcome model.
                 * @member {string} model
                 * @memberof vexfs.bridge.v1.EmbedOutcome
                 * @instance
                 */
                EmbedOutcome.prototype.model = "";

                /**
                 * EmbedOutcome modelVersion.
                 * @member {string} modelVersion
                 * @memberof vexfs.bridge.v1.EmbedOutcome
                 * @instance
                 */
                EmbedOutcome.prototype.modelVersion = "";

                /**
                 * EmbedOutcome truncated.
                 * @member {boolean} truncated
                 * @memberof vexfs.bridge.v1.EmbedOutcome
                 * @instance
                 */
                EmbedOutcome.prototype.truncated = false;

                /**
                 * Creates a new EmbedOutcome instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.EmbedOutcome
                 * @static
                 * @param {vexfs.bridge.v1.IEmbedOutcome=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.EmbedOutcome} EmbedOutcome instance
                 */
                EmbedOutcome.create = function create(properties) {
                    return new EmbedOutcome(properties);
                };

                /**
                 * Encodes the specified EmbedOutcome message. Does not implicitly {@link vexfs.bridge.v1.EmbedOutcome.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.EmbedOutcome
                 * @static
                 * @param {vexfs.bridge.v1.IEmbedOutcome} m EmbedOutcome message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                EmbedOutcome.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.requestId != null && Object.hasOwnProperty.call(m, "requestId"))
                        w.uint32(8).uint64(m.requestId);
                    if (m.status != null && Object.hasOwnProperty.call(m, "status"))
                        w.uint32(16).uint32(m.status);
                    if (m.vector != null && Object.hasOwnProperty.call(m, "vector"))
                        w.uint32(26).bytes(m.vector);
                    if (m.processingNs != null && Object.hasOwnProperty.call(m, "processingNs"))
                        w.uint32(32).uint64(m.processingNs);
                    if (m.serviceId != null && Object.hasOwnProperty.call(m, "serviceId"))
                        w.uint32(42).string(m.serviceId);
                    if (m.model != null && Object.hasOwnProperty.call(m, "model"))
                        w.uint32(50).string(m.model);
                    if (m.modelVersion != null && Object.hasOwnProperty.call(m, "modelVersion"))
                        w.uint32(58).string(m.modelVersion);
                    if (m.truncated != null && Object.hasOwnProperty.call(m, "truncated"))
                        w.uint32(64).bool(m.truncated);
                    return w;
                };

                /**
                 * Decodes an EmbedOutcome message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.EmbedOutcome
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.EmbedOutcome} EmbedOutcome
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                EmbedOutcome.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.EmbedOutcome();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.requestId = r.uint64();
                                break;
                            }
                        case 2: {
                                m.status = r.uint32();
                                break;
                            }
                        case 3: {
                                m.vector = r.bytes();
                                break;
                            }
                        case 4: {
                                m.processingNs = r.uint64();
                                break;
                            }
                        case 5: {
                                m.serviceId = r.string();
                                break;
                            }
                        case 6: {
                                m.model = r.string();
                                break;
                            }
                        case 7: {
                                m.modelVersion = r.string();
                                break;
                            }
                        case 8: {
                                m.truncated = r.bool();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates an EmbedOutcome message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.EmbedOutcome
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.EmbedOutcome} EmbedOutcome
                 */
                EmbedOutcome.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.EmbedOutcome)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.EmbedOutcome: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.EmbedOutcome();
                    if (d.requestId != null) {
                        if ($util.Long)
                            m.requestId = $util.Long.fromValue(d.requestId, true);
                        else if (typeof d.requestId === "string")
                            m.requestId = parseInt(d.requestId, 10);
                        else if (typeof d.requestId === "number")
                            m.requestId = d.requestId;
                        else if (typeof d.requestId === "object")
                            m.requestId = new $util.LongBits(d.requestId.low >>> 0, d.requestId.high >>> 0).toNumber(true);
                    }
                    if (d.status != null) {
                        m.status = d.status >>> 0;
                    }
                    if (d.vector != null) {
                        if (typeof d.vector === "string")
                            $util.base64.decode(d.vector, m.vector = $util.newBuffer($util.base64.length(d.vector)), 0);
                        else if (d.vector.length >= 0)
                            m.vector = d.vector;
                    }
                    if (d.processingNs != null) {
                        if ($util.Long)
                            m.processingNs = $util.Long.fromValue(d.processingNs, true);
                        else if (typeof d.processingNs === "string")
                            m.processingNs = parseInt(d.processingNs, 10);
                        else if (typeof d.processingNs === "number")
                            m.processingNs = d.processingNs;
                        else if (typeof d.processingNs === "object")
                            m.processingNs = new $util.LongBits(d.processingNs.low >>> 0, d.processingNs.high >>> 0).toNumber(true);
                    }
                    if (d.serviceId != null) {
                        m.serviceId = String(d.serviceId);
                    }
                    if (d.model != null) {
                        m.model = String(d.model);
                    }
                    if (d.modelVersion != null) {
                        m.modelVersion = String(d.modelVersion);
                    }
                    if (d.truncated != null) {
                        m.truncated = Boolean(d.truncated);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from an EmbedOutcome message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.EmbedOutcome
                 * @static
                 * @param {vexfs.bridge.v1.EmbedOutcome} m EmbedOutcome
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                EmbedOutcome.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.requestId = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.requestId = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.status = 0;
                        if (o.bytes === String)
                            d.vector = "";
                        else {
                            d.vector = [];
                            if (o.bytes !== Array)
                                d.vector = $util.newBuffer(d.vector);
                        }
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.processingNs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.processingNs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.serviceId = "";
                        d.model = "";
                        d.modelVersion = "";
                        d.truncated = false;
                    }
                    if (m.requestId != null && Object.hasOwnProperty.call(m, "requestId")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.requestId = typeof m.requestId === "number" ? BigInt(m.requestId) : $util.Long.fromBits(m.requestId.low >>> 0, m.requestId.high >>> 0, true).toBigInt();
                        else if (typeof m.requestId === "number")
                            d.requestId = o.longs === String ? String(m.requestId) : m.requestId;
                        else
                            d.requestId = o.longs === String ? $util.Long.prototype.toString.call(m.requestId) : o.longs === Number ? new $util.LongBits(m.requestId.low >>> 0, m.requestId.high >>> 0).toNumber(true) : m.requestId;
                    }
                    if (m.status != null && Object.hasOwnProperty.call(m, "status")) {
                        d.status = m.status;
                    }
                    if (m.vector != null && Object.hasOwnProperty.call(m, "vector")) {
                        d.vector = o.bytes === String ? $util.base64.encode(m.vector, 0, m.vector.length) : o.bytes === Array ? Array.prototype.slice.call(m.vector) : m.vector;
                    }
                    if (m.processingNs != null && Object.hasOwnProperty.call(m, "processingNs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.processingNs = typeof m.processingNs === "number" ? BigInt(m.processingNs) : $util.Long.fromBits(m.processingNs.low >>> 0, m.processingNs.high >>> 0, true).toBigInt();
                        else if (typeof m.processingNs === "number")
                            d.processingNs = o.longs === String ? String(m.processingNs) : m.processingNs;
                        else
                            d.processingNs = o.longs === String ? $util.Long.prototype.toString.call(m.processingNs) : o.longs === Number ? new $util.LongBits(m.processingNs.low >>> 0, m.processingNs.high >>> 0).toNumber(true) : m.processingNs;
                    }
                    if (m.serviceId != null && Object.hasOwnProperty.call(m, "serviceId")) {
                        d.serviceId = m.serviceId;
                    }
                    if (m.model != null && Object.hasOwnProperty.call(m, "model")) {
                        d.model = m.model;
                    }
                    if (m.modelVersion != null && Object.hasOwnProperty.call(m, "modelVersion")) {
                        d.modelVersion = m.modelVersion;
                    }
                    if (m.truncated != null && Object.hasOwnProperty.call(m, "truncated")) {
                        d.truncated = m.truncated;
                    }
                    return d;
                };

                /**
                 * Converts this EmbedOutcome to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.EmbedOutcome
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                EmbedOutcome.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for EmbedOutcome
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.EmbedOutcome
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                EmbedOutcome.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.EmbedOutcome";
                };

                return EmbedOutcome;
            })();

            v1.ControlRequest = (function() {

                /**
                 * Properties of a ControlRequest.
                 * @memberof vexfs.bridge.v1
                 * @interface IControlRequest
                 * @property {number|null} [id] ControlRequest id
                 * @property {vexfs.bridge.v1.IServiceInfo|null} [register] ControlRequest register
                 * @property {string|null} [unregister] ControlRequest unregister
                 * @property {boolean|null} [list] ControlRequest list
                 * @property {boolean|null} [stats] ControlRequest stats
                 * @property {vexfs.bridge.v1.IEmbedCall|null} [embed] ControlRequest embed
                 * @property {string|null} [remove] ControlRequest remove
                 * @property {vexfs.bridge.v1.ITokenCreate|null} [tokenCreate] ControlRequest tokenCreate
                 * @property {boolean|null} [tokenList] ControlRequest tokenList
                 * @property {string|null} [tokenRevoke] ControlRequest tokenRevoke
                 * @property {string|null} [backendAdd] ControlRequest backendAdd
                 * @property {string|null} [backendRemove] ControlRequest backendRemove
                 * @property {boolean|null} [backendList] ControlRequest backendList
                 * @property {string|null} [token] ControlRequest token
                 */

                /**
                 * Constructs a new ControlRequest.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents a ControlRequest.
                 * @implements IControlRequest
                 * @constructor
                 * @param {vexfs.bridge.v1.IControlRequest=} [p] Properties to set
                 */
                function ControlRequest(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * ControlRequest id.
                 * @member {number} id
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.id = 0;

                /**
                 * ControlRequest register.
                 * @member {vexfs.bridge.v1.IServiceInfo|null|undefined} register
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.register = null;

                /**
                 * ControlRequest unregister.
                 * @member {string|null|undefined} unregister
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.unregister = null;

                /**
                 * ControlRequest list.
                 * @member {boolean|null|undefined} list
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.list = null;

                /**
                 * ControlRequest stats.
                 * @member {boolean|null|undefined} stats
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.stats = null;

                /**
                 * ControlRequest embed.
                 * @member {vexfs.bridge.v1.IEmbedCall|null|undefined} embed
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.embed = null;

                /**
                 * ControlRequest remove.
                 * @member {string|null|undefined} remove
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.remove = null;

                /**
                 * ControlRequest tokenCreate.
                 * @member {vexfs.bridge.v1.ITokenCreate|null|undefined} tokenCreate
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.tokenCreate = null;

                /**
                 * ControlRequest tokenList.
                 * @member {boolean|null|undefined} tokenList
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.tokenList = null;

                /**
                 * ControlRequest tokenRevoke.
                 * @member {string|null|undefined} tokenRevoke
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.tokenRevoke = null;

                /**
                 * ControlRequest backendAdd.
                 * @member {string|null|undefined} backendAdd
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.backendAdd = null;

                /**
                 * ControlRequest backendRemove.
                 * @member {string|null|undefined} backendRemove
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.backendRemove = null;

                /**
                 * ControlRequest backendList.
                 * @member {boolean|null|undefined} backendList
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.backendList = null;

                /**
                 * ControlRequest token.
                 * @member {string} token
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @instance
                 */
                ControlRequest.prototype.token = "";

                // OneOf field names bound to virtual getters and setters
                let $oneOfFields;

                /**
                 * ControlRequest body.
                 * @member {"register"|"unregister"|"list"|"stats"|"embed"|"remove"|"tokenCreate"|"tokenList"|"tokenRevoke"|"backendAdd"|"backendRemove"|"backendList"|undefined} body
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @instance
                 */
                Object.defineProperty(ControlRequest.prototype, "body", {
                    get: $util.oneOfGetter($oneOfFields = ["register", "unregister", "list", "stats", "embed", "remove", "tokenCreate", "tokenList", "tokenRevoke", "backendAdd", "backendRemove", "backendList"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new ControlRequest instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @static
                 * @param {vexfs.bridge.v1.IControlRequest=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.ControlRequest} ControlRequest instance
                 */
                ControlRequest.create = function create(properties) {
                    return new ControlRequest(properties);
                };

                /**
                 * Encodes the specified ControlRequest message. Does not implicitly {@link vexfs.bridge.v1.ControlRequest.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @static
                 * @param {vexfs.bridge.v1.IControlRequest} m ControlRequest message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ControlRequest.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                        w.uint32(8).uint32(m.id);
                    if (m.register != null && Object.hasOwnProperty.call(m, "register"))
                        $root.vexfs.bridge.v1.ServiceInfo.encode(m.register, w.uint32(18).fork(), q + 1).ldelim();
                    if (m.unregister != null && Object.hasOwnProperty.call(m, "unregister"))
                        w.uint32(26).string(m.unregister);
                    if (m.list != null && Object.hasOwnProperty.call(m, "list"))
                        w.uint32(32).bool(m.list);
                    if (m.stats != null && Object.hasOwnProperty.call(m, "stats"))
                        w.uint32(40).bool(m.stats);
                    if (m.embed != null && Object.hasOwnProperty.call(m, "embed"))
                        $root.vexfs.bridge.v1.EmbedCall.encode(m.embed, w.uint32(50).fork(), q + 1).ldelim();
                    if (m.remove != null && Object.hasOwnProperty.call(m, "remove"))
                        w.uint32(58).string(m.remove);
                    if (m.tokenCreate != null && Object.hasOwnProperty.call(m, "tokenCreate"))
                        $root.vexfs.bridge.v1.TokenCreate.encode(m.tokenCreate, w.uint32(66).fork(), q + 1).ldelim();
                    if (m.tokenList != null && Object.hasOwnProperty.call(m, "tokenList"))
                        w.uint32(72).bool(m.tokenList);
                    if (m.tokenRevoke != null && Object.hasOwnProperty.call(m, "tokenRevoke"))
                        w.uint32(82).string(m.tokenRevoke);
                    if (m.token != null && Object.hasOwnProperty.call(m, "token"))
                        w.uint32(90).string(m.token);
                    if (m.backendAdd != null && Object.hasOwnProperty.call(m, "backendAdd"))
                        w.uint32(98).string(m.backendAdd);
                    if (m.backendRemove != null && Object.hasOwnProperty.call(m, "backendRemove"))
                        w.uint32(106).string(m.backendRemove);
                    if (m.backendList != null && Object.hasOwnProperty.call(m, "backendList"))
                        w.uint32(112).bool(m.backendList);
                    return w;
                };

                /**
                 * Decodes a ControlRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.ControlRequest} ControlRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ControlRequest.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.ControlRequest();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.id = r.uint32();
                                break;
                            }
                        case 2: {
                                m.register = $root.vexfs.bridge.v1.ServiceInfo.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 3: {
                                m.unregister = r.string();
                                break;
                            }
                        case 4: {
                                m.list = r.bool();
                                break;
                            }
                        case 5: {
                                m.stats = r.bool();
                                break;
                            }
                        case 6: {
                                m.embed = $root.vexfs.bridge.v1.EmbedCall.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 7: {
                                m.remove = r.string();
                                break;
                            }
                        case 8: {
                                m.tokenCreate = $root.vexfs.bridge.v1.TokenCreate.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 9: {
                                m.tokenList = r.bool();
                                break;
                            }
                        case 10: {
                                m.tokenRevoke = r.string();
                                break;
                            }
                        case 12: {
                                m.backendAdd = r.string();
                                break;
                            }
                        case 13: {
                                m.backendRemove = r.string();
                                break;
                            }
                        case 14: {
                                m.backendList = r.bool();
                                break;
                            }
                        case 11: {
                                m.token = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a ControlRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.ControlRequest} ControlRequest
                 */
                ControlRequest.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.ControlRequest)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.ControlRequest: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.ControlRequest();
                    if (d.id != null) {
                        m.id = d.id >>> 0;
                    }
                    if (d.register != null) {
                        if (!$util.isObject(d.register))
                            throw TypeError(".vexfs.bridge.v1.ControlRequest.register: object expected");
                        m.register = $root.vexfs.bridge.v1.ServiceInfo.fromObject(d.register, n + 1);
                    }
                    if (d.unregister != null) {
                        m.unregister = String(d.unregister);
                    }
                    if (d.list != null) {
                        m.list = Boolean(d.list);
                    }
                    if (d.stats != null) {
                        m.stats = Boolean(d.stats);
                    }
                    if (d.embed != null) {
                        if (!$util.isObject(d.embed))
                            throw TypeError(".vexfs.bridge.v1.ControlRequest.embed: object expected");
                        m.embed = $root.vexfs.bridge.v1.EmbedCall.fromObject(d.embed, n + 1);
                    }
                    if (d.remove != null) {
                        m.remove = String(d.remove);
                    }
                    if (d.tokenCreate != null) {
                        if (!$util.isObject(d.tokenCreate))
                            throw TypeError(".vexfs.bridge.v1.ControlRequest.tokenCreate: object expected");
                        m.tokenCreate = $root.vexfs.bridge.v1.TokenCreate.fromObject(d.tokenCreate, n + 1);
                    }
                    if (d.tokenList != null) {
                        m.tokenList = Boolean(d.tokenList);
                    }
                    if (d.tokenRevoke != null) {
                        m.tokenRevoke = String(d.tokenRevoke);
                    }
                    if (d.backendAdd != null) {
                        m.backendAdd = String(d.backendAdd);
                    }
                    if (d.backendRemove != null) {
                        m.backendRemove = String(d.backendRemove);
                    }
                    if (d.backendList != null) {
                        m.backendList = Boolean(d.backendList);
                    }
                    if (d.token != null) {
                        m.token = String(d.token);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a ControlRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @static
                 * @param {vexfs.bridge.v1.ControlRequest} m ControlRequest
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ControlRequest.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.id = 0;
                        d.token = "";
                    }
                    if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                        d.id = m.id;
                    }
                    if (m.register != null && Object.hasOwnProperty.call(m, "register")) {
                        d.register = $root.vexfs.bridge.v1.ServiceInfo.toObject(m.register, o, q + 1);
                        if (o.oneofs)
                            d.body = "register";
                    }
                    if (m.unregister != null && Object.hasOwnProperty.call(m, "unregister")) {
                        d.unregister = m.unregister;
                        if (o.oneofs)
                            d.body = "unregister";
                    }
                    if (m.list != null && Object.hasOwnProperty.call(m, "list")) {
                        d.list = m.list;
                        if (o.oneofs)
                            d.body = "list";
                    }
                    if (m.stats != null && Object.hasOwnProperty.call(m, "stats")) {
                        d.stats = m.stats;
                        if (o.oneofs)
                            d.body = "stats";
                    }
                    if (m.embed != null && Object.hasOwnProperty.call(m, "embed")) {
                        d.embed = $root.vexfs.bridge.v1.EmbedCall.toObject(m.embed, o, q + 1);
                        if (o.oneofs)
                            d.body = "embed";
                    }
                    if (m.remove != null && Object.hasOwnProperty.call(m, "remove")) {
                        d.remove = m.remove;
                        if (o.oneofs)
                            d.body = "remove";
                    }
                    if (m.tokenCreate != null && Object.hasOwnProperty.call(m, "tokenCreate")) {
                        d.tokenCreate = $root.vexfs.bridge.v1.TokenCreate.toObject(m.tokenCreate, o, q + 1);
                        if (o.oneofs)
                            d.body = "tokenCreate";
                    }
                    if (m.tokenList != null && Object.hasOwnProperty.call(m, "tokenList")) {
                        d.tokenList = m.tokenList;
                        if (o.oneofs)
                            d.body = "tokenList";
                    }
                    if (m.tokenRevoke != null && Object.hasOwnProperty.call(m, "tokenRevoke")) {
                        d.tokenRevoke = m.tokenRevoke;
                        if (o.oneofs)
                            d.body = "tokenRevoke";
                    }
                    if (m.token != null && Object.hasOwnProperty.call(m, "token")) {
                        d.token = m.token;
                    }
                    if (m.backendAdd != null && Object.hasOwnProperty.call(m, "backendAdd")) {
                        d.backendAdd = m.backendAdd;
                        if (o.oneofs)
                            d.body = "backendAdd";
                    }
                    if (m.backendRemove != null && Object.hasOwnProperty.call(m, "backendRemove")) {
                        d.backendRemove = m.backendRemove;
                        if (o.oneofs)
                            d.body = "backendRemove";
                    }
                    if (m.backendList != null && Object.hasOwnProperty.call(m, "backendList")) {
                        d.backendList = m.backendList;
                        if (o.oneofs)
                            d.body = "backendList";
                    }
                    return d;
                };

                /**
                 * Converts this ControlRequest to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ControlRequest.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for ControlRequest
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.ControlRequest
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                ControlRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.ControlRequest";
                };

                return ControlRequest;
            })();

            v1.TokenCreate = (function() {

                /**
                 * Properties of a TokenCreate.
                 * @memberof vexfs.bridge.v1
                 * @interface ITokenCreate
                 * @property {string|null} [services] TokenCreate services
                 * @property {Array.<string>|null} [models] TokenCreate models
                 * @property {number|null} [ttlMs] TokenCreate ttlMs
                 * @property {string|null} [note] TokenCreate note
                 * @property {number|null} [maxRegistrations] TokenCreate maxRegistrations
                 */

                /**
                 * Constructs a new TokenCreate.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents a TokenCreate.
                 * @implements ITokenCreate
                 * @constructor
                 * @param {vexfs.bridge.v1.ITokenCreate=} [p] Properties to set
                 */
                function TokenCreate(p) {
                    this.models = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * TokenCreate services.
                 * @member {string} services
                 * @memberof vexfs.bridge.v1.TokenCreate
                 * @instance
                 */
                TokenCreate.prototype.services = "";

                /**
                 * TokenCreate models.
                 * @member {Array.<string>} models
                 * @memberof vexfs.bridge.v1.TokenCreate
                 * @instance
                 */
                TokenCreate.prototype.models = $util.emptyArray;

                /**
                 * TokenCreate ttlMs.
                 * @member {number} ttlMs
                 * @memberof vexfs.bridge.v1.TokenCreate
                 * @instance
                 */
                TokenCreate.prototype.ttlMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * TokenCreate note.
                 * @member {string} note
                 * @memberof vexfs.bridge.v1.TokenCreate
                 * @instance
                 */
                TokenCreate.prototype.note = "";

                /**
                 * TokenCreate maxRegistrations.
                 * @member {number} maxRegistrations
                 * @memberof vexfs.bridge.v1.TokenCreate
                 * @instance
                 */
                TokenCreate.prototype.maxRegistrations = 0;

                /**
                 * Creates a new TokenCreate instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.TokenCreate
                 * @static
                 * @param {vexfs.bridge.v1.ITokenCreate=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.TokenCreate} TokenCreate instance
                 */
                TokenCreate.create = function create(properties) {
                    return new TokenCreate(properties);
                };

                /**
                 * Encodes the specified TokenCreate message. Does not implicitly {@link vexfs.bridge.v1.TokenCreate.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.TokenCreate
                 * @static
                 * @param {vexfs.bridge.v1.ITokenCreate} m TokenCreate message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                TokenCreate.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.services != null && Object.hasOwnProperty.call(m, "services"))
                        w.uint32(10).string(m.services);
                    if (m.models != null && m.models.length) {
                        for (var i = 0; i < m.models.length; ++i)
                            w.uint32(18).string(m.models[i]);
                    }
                    if (m.ttlMs != null && Object.hasOwnProperty.call(m, "ttlMs"))
                        w.uint32(24).uint64(m.ttlMs);
                    if (m.note != null && Object.hasOwnProperty.call(m, "note"))
                        w.uint32(34).string(m.note);
                    if (m.maxRegistrations != null && Object.hasOwnProperty.call(m, "maxRegistrations"))
                        w.uint32(40).uint32(m.maxRegistrations);
                    return w;
                };

                /**
                 * Decodes a TokenCreate message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.TokenCreate
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.TokenCreate} TokenCreate
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                TokenCreate.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.TokenCreate();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.services = r.string();
                                break;
                            }
                        case 2: {
                                if (!(m.models && m.models.length))
                                    m.models = [];
                                m.models.push(r.string());
                                break;
                            }
                        case 3: {
                                m.ttlMs = r.uint64();
                                break;
                            }
                        case 4: {
                                m.note = r.string();
                                break;
                            }
                        case 5: {
                                m.maxRegistrations = r.uint32();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a TokenCreate message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.TokenCreate
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.TokenCreate} TokenCreate
                 */
                TokenCreate.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.TokenCreate)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.TokenCreate: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.TokenCreate();
                    if (d.services != null) {
                        m.services = String(d.services);
                    }
                    if (d.models) {
                        if (!Array.isArray(d.models))
                            throw TypeError(".vexfs.bridge.v1.TokenCreate.models: array expected");
                        m.models = [];
                        for (var i = 0; i < d.models.length; ++i) {
                            m.models[i] = String(d.models[i]);
                        }
                    }
                    if (d.ttlMs != null) {
                        if ($util.Long)
                            m.ttlMs = $util.Long.fromValue(d.ttlMs, true);
                        else if (typeof d.ttlMs === "string")
                            m.ttlMs = parseInt(d.ttlMs, 10);
                        else if (typeof d.ttlMs === "number")
                            m.ttlMs = d.ttlMs;
                        else if (typeof d.ttlMs === "object")
                            m.ttlMs = new $util.LongBits(d.ttlMs.low >>> 0, d.ttlMs.high >>> 0).toNumber(true);
                    }
                    if (d.note != null) {
                        m.note = String(d.note);
                    }
                    if (d.maxRegistrations != null) {
                        m.maxRegistrations = d.maxRegistrations >>> 0;
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a TokenCreate message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.TokenCreate
                 * @static
                 * @param {vexfs.bridge.v1.TokenCreate} m TokenCreate
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                TokenCreate.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.models = [];
                    }
                    if (o.defaults) {
                        d.services = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.ttlMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.ttlMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.note = "";
                        d.maxRegistrations = 0;
                    }
                    if (m.services != null && Object.hasOwnProperty.call(m, "services")) {
                        d.services = m.services;
                    }
                    if (m.models && m.models.length) {
                        d.models = [];
                        for (var j = 0; j < m.models.length; ++j) {
                            d.models[j] = m.models[j];
                        }
                    }
                    if (m.ttlMs != null && Object.hasOwnProperty.call(m, "ttlMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.ttlMs = typeof m.ttlMs === "number" ? BigInt(m.ttlMs) : $util.Long.fromBits(m.ttlMs.low >>> 0, m.ttlMs.high >>> 0, true).toBigInt();
                        else if (typeof m.ttlMs === "number")
                            d.ttlMs = o.longs === String ? String(m.ttlMs) : m.ttlMs;
                        else
                            d.ttlMs = o.longs === String ? $util.Long.prototype.toString.call(m.ttlMs) : o.longs === Number ? new $util.LongBits(m.ttlMs.low >>> 0, m.ttlMs.high >>> 0).toNumber(true) : m.ttlMs;
                    }
                    if (m.note != null && Object.hasOwnProperty.call(m, "note")) {
                        d.note = m.note;
                    }
                    if (m.maxRegistrations != null && Object.hasOwnProperty.call(m, "maxRegistrations")) {
                        d.maxRegistrations = m.maxRegistrations;
                    }
                    return d;
                };

                /**
                 * Converts this TokenCreate to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.TokenCreate
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                TokenCreate.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for TokenCreate
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.TokenCreate
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                TokenCreate.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.TokenCreate";
                };

                return TokenCreate;
            })();

            v1.TokenInfo = (function() {

                /**
                 * Properties of a TokenInfo.
                 * @memberof vexfs.bridge.v1
                 * @interface ITokenInfo
                 * @property {string|null} [id] TokenInfo id
                 * @property {string|null} [services] TokenInfo services
                 * @property {Array.<string>|null} [models] TokenInfo models
                 * @property {number|null} [expiresAtMs] TokenInfo expiresAtMs
                 * @property {number|null} [createdAtMs] TokenInfo createdAtMs
                 * @property {number|null} [createdByUid] TokenInfo createdByUid
                 * @property {string|null} [note] TokenInfo note
                 * @property {number|null} [revokedAtMs] TokenInfo revokedAtMs
                 * @property {number|null} [liveRegistrations] TokenInfo liveRegistrations
                 * @property {number|null} [maxRegistrations] TokenInfo maxRegistrations
                 */

                /**
                 * Constructs a new TokenInfo.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents a TokenInfo.
                 * @implements ITokenInfo
                 * @constructor
                 * @param {vexfs.bridge.v1.ITokenInfo=} [p] Properties to set
                 */
                function TokenInfo(p) {
                    this.models = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * TokenInfo id.
                 * @member {string} id
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @instance
                 */
                TokenInfo.prototype.id = "";

                /**
                 * TokenInfo services.
                 * @member {string} services
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @instance
                 */
                TokenInfo.prototype.services = "";

                /**
                 * TokenInfo models.
                 * @member {Array.<string>} models
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @instance
                 */
                TokenInfo.prototype.models = $util.emptyArray;

                /**
                 * TokenInfo expiresAtMs.
                 * @member {number} expiresAtMs
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @instance
                 */
                TokenInfo.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * TokenInfo createdAtMs.
                 * @member {number} createdAtMs
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @instance
                 */
                TokenInfo.prototype.createdAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * TokenInfo createdByUid.
                 * @member {number} createdByUid
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @instance
                 */
                TokenInfo.prototype.createdByUid = 0;

                /**
                 * TokenInfo note.
                 * @member {string} note
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @instance
                 */
                TokenInfo.prototype.note = "";

                /**
                 * TokenInfo revokedAtMs.
                 * @member {number} revokedAtMs
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @instance
                 */
                TokenInfo.prototype.revokedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * TokenInfo liveRegistrations.
                 * @member {number} liveRegistrations
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @instance
                 */
                TokenInfo.prototype.liveRegistrations = 0;

                /**
                 * TokenInfo maxRegistrations.
                 * @member {number} maxRegistrations
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @instance
                 */
                TokenInfo.prototype.maxRegistrations = 0;

                /**
                 * Creates a new TokenInfo instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @static
                 * @param {vexfs.bridge.v1.ITokenInfo=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.TokenInfo} TokenInfo instance
                 */
                TokenInfo.create = function create(properties) {
                    return new TokenInfo(properties);
                };

                /**
                 * Encodes the specified TokenInfo message. Does not implicitly {@link vexfs.bridge.v1.TokenInfo.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @static
                 * @param {vexfs.bridge.v1.ITokenInfo} m TokenInfo message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                TokenInfo.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                        w.uint32(10).string(m.id);
                    if (m.services != null && Object.hasOwnProperty.call(m, "services"))
                        w.uint32(18).string(m.services);
                    if (m.models != null && m.models.length) {
                        for (var i = 0; i < m.models.length; ++i)
                            w.uint32(26).string(m.models[i]);
                    }
                    if (m.expiresAtMs != null && Object.hasOwnProperty.call(m, "expiresAtMs"))
                        w.uint32(32).uint64(m.expiresAtMs);
                    if (m.createdAtMs != null && Object.hasOwnProperty.call(m, "createdAtMs"))
                        w.uint32(40).uint64(m.createdAtMs);
                    if (m.createdByUid != null && Object.hasOwnProperty.call(m, "createdByUid"))
                        w.uint32(48).uint32(m.createdByUid);
                    if (m.note != null && Object.hasOwnProperty.call(m, "note"))
                        w.uint32(58).string(m.note);
                    if (m.revokedAtMs != null && Object.hasOwnProperty.call(m, "revokedAtMs"))
                        w.uint32(64).uint64(m.revokedAtMs);
                    if (m.liveRegistrations != null && Object.hasOwnProperty.call(m, "liveRegistrations"))
                        w.uint32(72).uint32(m.liveRegistrations);
                    if (m.maxRegistrations != null && Object.hasOwnProperty.call(m, "maxRegistrations"))
                        w.uint32(80).uint32(m.maxRegistrations);
                    return w;
                };

                /**
                 * Decodes a TokenInfo message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.TokenInfo} TokenInfo
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                TokenInfo.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.TokenInfo();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.id = r.string();
                                break;
                            }
                        case 2: {
                                m.services = r.string();
                                break;
                            }
                        case 3: {
                                if (!(m.models && m.models.length))
                                    m.models = [];
                                m.models.push(r.string());
                                break;
                            }
                        case 4: {
                                m.expiresAtMs = r.uint64();
                                break;
                            }
                        case 5: {
                                m.createdAtMs = r.uint64();
                                break;
                            }
                        case 6: {
                                m.createdByUid = r.uint32();
                                break;
                            }
                        case 7: {
                                m.note = r.string();
                                break;
                            }
                        case 8: {
                                m.revokedAtMs = r.uint64();
                                break;
                            }
                        case 9: {
                                m.liveRegistrations = r.uint32();
                                break;
                            }
                        case 10: {
                                m.maxRegistrations = r.uint32();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a TokenInfo message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.TokenInfo} TokenInfo
                 */
                TokenInfo.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.TokenInfo)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.TokenInfo: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.TokenInfo();
                    if (d.id != null) {
                        m.id = String(d.id);
                    }
                    if (d.services != null) {
                        m.services = String(d.services);
                    }
                    if (d.models) {
                        if (!Array.isArray(d.models))
                            throw TypeError(".vexfs.bridge.v1.TokenInfo.models: array expected");
                        m.models = [];
                        for (var i = 0; i < d.models.length; ++i) {
                            m.models[i] = String(d.models[i]);
                        }
                    }
                    if (d.expiresAtMs != null) {
                        if ($util.Long)
                            m.expiresAtMs = $util.Long.fromValue(d.expiresAtMs, true);
                        else if (typeof d.expiresAtMs === "string")
                            m.expiresAtMs = parseInt(d.expiresAtMs, 10);
                        else if (typeof d.expiresAtMs === "number")
                            m.expiresAtMs = d.expiresAtMs;
                        else if (typeof d.expiresAtMs === "object")
                            m.expiresAtMs = new $util.LongBits(d.expiresAtMs.low >>> 0, d.expiresAtMs.high >>> 0).toNumber(true);
                    }
                    if (d.createdAtMs != null) {
                        if ($util.Long)
                            m.createdAtMs = $util.Long.fromValue(d.createdAtMs, true);
                        else if (typeof d.createdAtMs === "string")
                            m.createdAtMs = parseInt(d.createdAtMs, 10);
                        else if (typeof d.createdAtMs === "number")
                            m.createdAtMs = d.createdAtMs;
                        else if (typeof d.createdAtMs === "object")
                            m.createdAtMs = new $util.LongBits(d.createdAtMs.low >>> 0, d.createdAtMs.high >>> 0).toNumber(true);
                    }
                    if (d.createdByUid != null) {
                        m.createdByUid = d.createdByUid >>> 0;
                    }
                    if (d.note != null) {
                        m.note = String(d.note);
                    }
                    if (d.revokedAtMs != null) {
                        if ($util.Long)
                            m.revokedAtMs = $util.Long.fromValue(d.revokedAtMs, true);
                        else if (typeof d.revokedAtMs === "string")
                            m.revokedAtMs = parseInt(d.revokedAtMs, 10);
                        else if (typeof d.revokedAtMs === "number")
                            m.revokedAtMs = d.revokedAtMs;
                        else if (typeof d.revokedAtMs === "object")
                            m.revokedAtMs = new $util.LongBits(d.revokedAtMs.low >>> 0, d.revokedAtMs.high >>> 0).toNumber(true);
                    }
                    if (d.liveRegistrations != null) {
                        m.liveRegistrations = d.liveRegistrations >>> 0;
                    }
                    if (d.maxRegistrations != null) {
                        m.maxRegistrations = d.maxRegistrations >>> 0;
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a TokenInfo message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @static
                 * @param {vexfs.bridge.v1.TokenInfo} m TokenInfo
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                TokenInfo.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.models = [];
                    }
                    if (o.defaults) {
                        d.id = "";
                        d.services = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.expiresAtMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.expiresAtMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.createdAtMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.createdAtMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.createdByUid = 0;
                        d.note = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.revokedAtMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.revokedAtMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.liveRegistrations = 0;
                        d.maxRegistrations = 0;
                    }
                    if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                        d.id = m.id;
                    }
                    if (m.services != null && Object.hasOwnProperty.call(m, "services")) {
                        d.services = m.services;
                    }
                    if (m.models && m.models.length) {
                        d.models = [];
                        for (var j = 0; j < m.models.length; ++j) {
                            d.models[j] = m.models[j];
                        }
                    }
                    if (m.expiresAtMs != null && Object.hasOwnProperty.call(m, "expiresAtMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.expiresAtMs = typeof m.expiresAtMs === "number" ? BigInt(m.expiresAtMs) : $util.Long.fromBits(m.expiresAtMs.low >>> 0, m.expiresAtMs.high >>> 0, true).toBigInt();
                        else if (typeof m.expiresAtMs === "number")
                            d.expiresAtMs = o.longs === String ? String(m.expiresAtMs) : m.expiresAtMs;
                        else
                            d.expiresAtMs = o.longs === String ? $util.Long.prototype.toString.call(m.expiresAtMs) : o.longs === Number ? new $util.LongBits(m.expiresAtMs.low >>> 0, m.expiresAtMs.high >>> 0).toNumber(true) : m.expiresAtMs;
                    }
                    if (m.createdAtMs != null && Object.hasOwnProperty.call(m, "createdAtMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.createdAtMs = typeof m.createdAtMs === "number" ? BigInt(m.createdAtMs) : $util.Long.fromBits(m.createdAtMs.low >>> 0, m.createdAtMs.high >>> 0, true).toBigInt();
                        else if (typeof m.createdAtMs === "number")
                            d.createdAtMs = o.longs === String ? String(m.createdAtMs) : m.createdAtMs;
                        else
                            d.createdAtMs = o.longs === String ? $util.Long.prototype.toString.call(m.createdAtMs) : o.longs === Number ? new $util.LongBits(m.createdAtMs.low >>> 0, m.createdAtMs.high >>> 0).toNumber(true) : m.createdAtMs;
                    }
                    if (m.createdByUid != null && Object.hasOwnProperty.call(m, "createdByUid")) {
                        d.createdByUid = m.createdByUid;
                    }
                    if (m.note != null && Object.hasOwnProperty.call(m, "note")) {
                        d.note = m.note;
                    }
                    if (m.revokedAtMs != null && Object.hasOwnProperty.call(m, "revokedAtMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.revokedAtMs = typeof m.revokedAtMs === "number" ? BigInt(m.revokedAtMs) : $util.Long.fromBits(m.revokedAtMs.low >>> 0, m.revokedAtMs.high >>> 0, true).toBigInt();
                        else if (typeof m.revokedAtMs === "number")
                            d.revokedAtMs = o.longs === String ? String(m.revokedAtMs) : m.revokedAtMs;
                        else
                            d.revokedAtMs = o.longs === String ? $util.Long.prototype.toString.call(m.revokedAtMs) : o.longs === Number ? new $util.LongBits(m.revokedAtMs.low >>> 0, m.revokedAtMs.high >>> 0).toNumber(true) : m.revokedAtMs;
                    }
                    if (m.liveRegistrations != null && Object.hasOwnProperty.call(m, "liveRegistrations")) {
                        d.liveRegistrations = m.liveRegistrations;
                    }
                    if (m.maxRegistrations != null && Object.hasOwnProperty.call(m, "maxRegistrations")) {
                        d.maxRegistrations = m.maxRegistrations;
                    }
                    return d;
                };

                /**
                 * Converts this TokenInfo to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                TokenInfo.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for TokenInfo
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.TokenInfo
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                TokenInfo.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.TokenInfo";
                };

                return TokenInfo;
            })();

            v1.ServiceStats = (function() {

                /**
                 * Properties of a ServiceStats.
                 * @memberof vexfs.bridge.v1
                 * @interface IServiceStats
                 * @property {string|null} [id] ServiceStats id
                 * @property {number|null} [state] ServiceStats state
                 * @property {number|null} [health] ServiceStats health
                 * @property {string|null} [breaker] ServiceStats breaker
                 * @property {number|null} [active] ServiceStats active
                 * @property {number|null} [queued] ServiceStats queued
                 * @property {number|null} [capacity] ServiceStats capacity
                 * @property {number|null} [total] ServiceStats total
                 * @property {number|null} [failures] ServiceStats failures
                 * @property {number|null} [avgResponseNs] ServiceStats avgResponseNs
                 * @property {number|null} [heartbeatAgeMs] ServiceStats heartbeatAgeMs
                 * @property {boolean|null} [healthCheckFailing] ServiceStats healthCheckFailing
                 * @property {number|null} [p50ResponseNs] ServiceStats p50ResponseNs
                 * @property {number|null} [p99ResponseNs] ServiceStats p99ResponseNs
                 * @property {number|null} [uid] ServiceStats uid
                 * @property {number|null} [pid] ServiceStats pid
                 * @property {number|null} [cpuPermille] ServiceStats cpuPermille
                 * @property {number|null} [rssBytes] ServiceStats rssBytes
                 * @property {number|null} [sendBlocked] ServiceStats sendBlocked
                 * @property {number|null} [sendBufferedBytes] ServiceStats sendBufferedBytes
                 * @property {number|null} [framesRefused] ServiceStats framesRefused
                 * @property {number|null} [tokens] ServiceStats tokens
                 */

                /**
                 * Constructs a new ServiceStats.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents a ServiceStats.
                 * @implements IServiceStats
                 * @constructor
                 * @param {vexfs.bridge.v1.IServiceStats=} [p] Properties to set
                 */
                function ServiceStats(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * ServiceStats id.
                 * @member {string} id
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.id = "";

                /**
                 * ServiceStats state.
                 * @member {number} state
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.state = 0;

                /**
                 * ServiceStats health.
                 * @member {number} health
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.health = 0;

                /**
                 * ServiceStats breaker.
                 * @member {string} breaker
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.breaker = "";

                /**
                 * ServiceStats active.
                 * @member {number} active
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.active = 0;

                /**
                 * ServiceStats queued.
                 * @member {number} queued
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.queued = 0;

                /**
                 * ServiceStats capacity.
                 * @member {number} capacity
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.capacity = 0;

                /**
                 * ServiceStats total.
                 * @member {number} total
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.total = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ServiceStats failures.
                 * @member {number} failures
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.failures = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ServiceStats avgResponseNs.
                 * @member {number} avgResponseNs
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.avgResponseNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ServiceStats heartbeatAgeMs.
                 * @member {number} heartbeatAgeMs
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.heartbeatAgeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ServiceStats healthCheckFailing.
                 * @member {boolean} healthCheckFailing
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.healthCheckFailing = false;

                /**
                 * ServiceStats p50ResponseNs.
                 * @member {number} p50ResponseNs
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.p50ResponseNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ServiceStats p99ResponseNs.
                 * @member {number} p99ResponseNs
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.p99ResponseNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ServiceStats uid.
                 * @member {number} uid
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.uid = 0;

                /**
                 * ServiceStats pid.
                 * @member {number} pid
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.pid = 0;

                /**
                 * ServiceStats cpuPermille.
                 * @member {number} cpuPermille
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.cpuPermille = 0;

                /**
                 * ServiceStats rssBytes.
                 * @member {number} rssBytes
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.rssBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ServiceStats sendBlocked.
                 * @member {number} sendBlocked
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.sendBlocked = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ServiceStats sendBufferedBytes.
                 * @member {number} sendBufferedBytes
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.sendBufferedBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ServiceStats framesRefused.
                 * @member {number} framesRefused
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.framesRefused = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ServiceStats tokens.
                 * @member {number} tokens
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 */
                ServiceStats.prototype.tokens = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new ServiceStats instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @static
                 * @param {vexfs.bridge.v1.IServiceStats=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.ServiceStats} ServiceStats instance
                 */
                ServiceStats.create = function create(properties) {
                    return new ServiceStats(properties);
                };

                /**
                 * Encodes the specified ServiceStats message. Does not implicitly {@link vexfs.bridge.v1.ServiceStats.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @static
                 * @param {vexfs.bridge.v1.IServiceStats} m ServiceStats message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ServiceStats.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                        w.uint32(10).string(m.id);
                    if (m.state != null && Object.hasOwnProperty.call(m, "state"))
                        w.uint32(16).uint32(m.state);
                    if (m.health != null && Object.hasOwnProperty.call(m, "health"))
                        w.uint32(24).uint32(m.health);
                    if (m.breaker != null && Object.hasOwnProperty.call(m, "breaker"))
                        w.uint32(34).string(m.breaker);
                    if (m.active != null && Object.hasOwnProperty.call(m, "active"))
                        w.uint32(40).uint32(m.active);
                    if (m.queued != null && Object.hasOwnProperty.call(m, "queued"))
                        w.uint32(48).uint32(m.queued);
                    if (m.capacity != null && Object.hasOwnProperty.call(m, "capacity"))
                        w.uint32(56).uint32(m.capacity);
                    if (m.total != null && Object.hasOwnProperty.call(m, "total"))
                        w.uint32(64).uint64(m.total);
                    if (m.failures != null && Object.hasOwnProperty.call(m, "failures"))
                        w.uint32(72).uint64(m.failures);
                    if (m.avgResponseNs != null && Object.hasOwnProperty.call(m, "avgResponseNs"))
                        w.uint32(80).uint64(m.avgResponseNs);
                    if (m.heartbeatAgeMs != null && Object.hasOwnProperty.call(m, "heartbeatAgeMs"))
                        w.uint32(88).uint64(m.heartbeatAgeMs);
                    if (m.healthCheckFailing != null && Object.hasOwnProperty.call(m, "healthCheckFailing"))
                        w.uint32(96).bool(m.healthCheckFailing);
                    if (m.p50ResponseNs != null && Object.hasOwnProperty.call(m, "p50ResponseNs"))
                        w.uint32(104).uint64(m.p50ResponseNs);
                    if (m.p99ResponseNs != null && Object.hasOwnProperty.call(m, "p99ResponseNs"))
                        w.uint32(112).uint64(m.p99ResponseNs);
                    if (m.uid != null && Object.hasOwnProperty.call(m, "uid"))
                        w.uint32(120).uint32(m.uid);
                    if (m.pid != null && Object.hasOwnProperty.call(m, "pid"))
                        w.uint32(128).uint32(m.pid);
                    if (m.cpuPermille != null && Object.hasOwnProperty.call(m, "cpuPermille"))
                        w.uint32(136).uint32(m.cpuPermille);
                    if (m.rssBytes != null && Object.hasOwnProperty.call(m, "rssBytes"))
                        w.uint32(144).uint64(m.rssBytes);
                    if (m.sendBlocked != null && Object.hasOwnProperty.call(m, "sendBlocked"))
                        w.uint32(152).uint64(m.sendBlocked);
                    if (m.sendBufferedBytes != null && Object.hasOwnProperty.call(m, "sendBufferedBytes"))
                        w.uint32(160).uint64(m.sendBufferedBytes);
                    if (m.framesRefused != null && Object.hasOwnProperty.call(m, "framesRefused"))
                        w.uint32(168).uint64(m.framesRefused);
                    if (m.tokens != null && Object.hasOwnProperty.call(m, "tokens"))
                        w.uint32(176).uint64(m.tokens);
                    return w;
                };

                /**
                 * Decodes a ServiceStats message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.ServiceStats} ServiceStats
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ServiceStats.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.ServiceStats();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.id = r.string();
                                break;
                            }
                        case 2: {
                                m.state = r.uint32();
                                break;
                            }
                        case 3: {
                                m.health = r.uint32();
                                break;
                            }
                        case 4: {
                                m.breaker = r.string();
                                break;
                            }
                        case 5: {
                                m.active = r.uint32();
                                break;
                            }
                        case 6: {
                                m.queued = r.uint32();
                                break;
                            }
                        case 7: {
                                m.capacity = r.uint32();
                                break;
                            }
                        case 8: {
                                m.total = r.uint64();
                                break;
                            }
                        case 9: {
                                m.failures = r.uint64();
                                break;
                            }
                        case 10: {
                                m.avgResponseNs = r.uint64();
                                break;
                            }
                        case 11: {
                                m.heartbeatAgeMs = r.uint64();
                                break;
                            }
                        case 12: {
                                m.healthCheckFailing = r.bool();
                                break;
                            }
                        case 13: {
                                m.p50ResponseNs = r.uint64();
                                break;
                            }
                        case 14: {
                                m.p99ResponseNs = r.uint64();
                                break;
                            }
                        case 15: {
                                m.uid = r.uint32();
                                break;
                            }
                        case 16: {
                                m.pid = r.uint32();
                                break;
                            }
                        case 17: {
                                m.cpuPermille = r.uint32();
                                break;
                            }
                        case 18: {
                                m.rssBytes = r.uint64();
                                break;
                            }
                        case 19: {
                                m.sendBlocked = r.uint64();
                                break;
                            }
                        case 20: {
                                m.sendBufferedBytes = r.uint64();
                                break;
                            }
                        case 21: {
                                m.framesRefused = r.uint64();
                                break;
                            }
                        case 22: {
                                m.tokens = r.uint64();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a ServiceStats message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.ServiceStats} ServiceStats
                 */
                ServiceStats.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.ServiceStats)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.ServiceStats: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.ServiceStats();
                    if (d.id != null) {
                        m.id = String(d.id);
                    }
                    if (d.state != null) {
                        m.state = d.state >>> 0;
                    }
                    if (d.health != null) {
                        m.health = d.health >>> 0;
                    }
                    if (d.breaker != null) {
                        m.breaker = String(d.breaker);
                    }
                    if (d.active != null) {
                        m.active = d.active >>> 0;
                    }
                    if (d.queued != null) {
                        m.queued = d.queued >>> 0;
                    }
                    if (d.capacity != null) {
                        m.capacity = d.capacity >>> 0;
                    }
                    if (d.total != null) {
                        if ($util.Long)
                            m.total = $util.Long.fromValue(d.total, true);
                        else if (typeof d.total === "string")
                            m.total = parseInt(d.total, 10);
                        else if (typeof d.total === "number")
                            m.total = d.total;
                        else if (typeof d.total === "object")
                            m.total = new $util.LongBits(d.total.low >>> 0, d.total.high >>> 0).toNumber(true);
                    }
                    if (d.failures != null) {
                        if ($util.Long)
                            m.failures = $util.Long.fromValue(d.failures, true);
                        else if (typeof d.failures === "string")
                            m.failures = parseInt(d.failures, 10);
                        else if (typeof d.failures === "number")
                            m.failures = d.failures;
                        else if (typeof d.failures === "object")
                            m.failures = new $util.LongBits(d.failures.low >>> 0, d.failures.high >>> 0).toNumber(true);
                    }
                    if (d.avgResponseNs != null) {
                        if ($util.Long)
                            m.avgResponseNs = $util.Long.fromValue(d.avgResponseNs, true);
                        else if (typeof d.avgResponseNs === "string")
                            m.avgResponseNs = parseInt(d.avgResponseNs, 10);
                        else if (typeof d.avgResponseNs === "number")
                            m.avgResponseNs = d.avgResponseNs;
                        else if (typeof d.avgResponseNs === "object")
                            m.avgResponseNs = new $util.LongBits(d.avgResponseNs.low >>> 0, d.avgResponseNs.high >>> 0).toNumber(true);
                    }
                    if (d.heartbeatAgeMs != null) {
                        if ($util.Long)
                            m.heartbeatAgeMs = $util.Long.fromValue(d.heartbeatAgeMs, true);
                        else if (typeof d.heartbeatAgeMs === "string")
                            m.heartbeatAgeMs = parseInt(d.heartbeatAgeMs, 10);
                        else if (typeof d.heartbeatAgeMs === "number")
                            m.heartbeatAgeMs = d.heartbeatAgeMs;
                        else if (typeof d.heartbeatAgeMs === "object")
                            m.heartbeatAgeMs = new $util.LongBits(d.heartbeatAgeMs.low >>> 0, d.heartbeatAgeMs.high >>> 0).toNumber(true);
                    }
                    if (d.healthCheckFailing != null) {
                        m.healthCheckFailing = Boolean(d.healthCheckFailing);
                    }
                    if (d.p50ResponseNs != null) {
                        if ($util.Long)
                            m.p50ResponseNs = $util.Long.fromValue(d.p50ResponseNs, true);
                        else if (typeof d.p50ResponseNs === "string")
                            m.p50ResponseNs = parseInt(d.p50ResponseNs, 10);
                        else if (typeof d.p50ResponseNs === "number")
                            m.p50ResponseNs = d.p50ResponseNs;
                        else if (typeof d.p50ResponseNs === "object")
                            m.p50ResponseNs = new $util.LongBits(d.p50ResponseNs.low >>> 0, d.p50ResponseNs.high >>> 0).toNumber(true);
                    }
                    if (d.p99ResponseNs != null) {
                        if ($util.Long)
                            m.p99ResponseNs = $util.Long.fromValue(d.p99ResponseNs, true);
                        else if (typeof d.p99ResponseNs === "string")
                            m.p99ResponseNs = parseInt(d.p99ResponseNs, 10);
                        else if (typeof d.p99ResponseNs === "number")
                            m.p99ResponseNs = d.p99ResponseNs;
                        else if (typeof d.p99ResponseNs === "object")
                            m.p99ResponseNs = new $util.LongBits(d.p99ResponseNs.low >>> 0, d.p99ResponseNs.high >>> 0).toNumber(true);
                    }
                    if (d.uid != null) {
                        m.uid = d.uid >>> 0;
                    }
                    if (d.pid != null) {
                        m.pid = d.pid >>> 0;
                    }
                    if (d.cpuPermille != null) {
                        m.cpuPermille = d.cpuPermille >>> 0;
                    }
                    if (d.rssBytes != null) {
                        if ($util.Long)
                            m.rssBytes = $util.Long.fromValue(d.rssBytes, true);
                        else if (typeof d.rssBytes === "string")
                            m.rssBytes = parseInt(d.rssBytes, 10);
                        else if (typeof d.rssBytes === "number")
                            m.rssBytes = d.rssBytes;
                        else if (typeof d.rssBytes === "object")
                            m.rssBytes = new $util.LongBits(d.rssBytes.low >>> 0, d.rssBytes.high >>> 0).toNumber(true);
                    }
                    if (d.sendBlocked != null) {
                        if ($util.Long)
                            m.sendBlocked = $util.Long.fromValue(d.sendBlocked, true);
                        else if (typeof d.sendBlocked === "string")
                            m.sendBlocked = parseInt(d.sendBlocked, 10);
                        else if (typeof d.sendBlocked === "number")
                            m.sendBlocked = d.sendBlocked;
                        else if (typeof d.sendBlocked === "object")
                            m.sendBlocked = new $util.LongBits(d.sendBlocked.low >>> 0, d.sendBlocked.high >>> 0).toNumber(true);
                    }
                    if (d.sendBufferedBytes != null) {
                        if ($util.Long)
                            m.sendBufferedBytes = $util.Long.fromValue(d.sendBufferedBytes, true);
                        else if (typeof d.sendBufferedBytes === "string")
                            m.sendBufferedBytes = parseInt(d.sendBufferedBytes, 10);
                        else if (typeof d.sendBufferedBytes === "number")
                            m.sendBufferedBytes = d.sendBufferedBytes;
                        else if (typeof d.sendBufferedBytes === "object")
                            m.sendBufferedBytes = new $util.LongBits(d.sendBufferedBytes.low >>> 0, d.sendBufferedBytes.high >>> 0).toNumber(true);
                    }
                    if (d.framesRefused != null) {
                        if ($util.Long)
                            m.framesRefused = $util.Long.fromValue(d.framesRefused, true);
                        else if (typeof d.framesRefused === "string")
                            m.framesRefused = parseInt(d.framesRefused, 10);
                        else if (typeof d.framesRefused === "number")
                            m.framesRefused = d.framesRefused;
                        else if (typeof d.framesRefused === "object")
                            m.framesRefused = new $util.LongBits(d.framesRefused.low >>> 0, d.framesRefused.high >>> 0).toNumber(true);
                    }
                    if (d.tokens != null) {
                        if ($util.Long)
                            m.tokens = $util.Long.fromValue(d.tokens, true);
                        else if (typeof d.tokens === "string")
                            m.tokens = parseInt(d.tokens, 10);
                        else if (typeof d.tokens === "number")
                            m.tokens = d.tokens;
                        else if (typeof d.tokens === "object")
                            m.tokens = new $util.LongBits(d.tokens.low >>> 0, d.tokens.high >>> 0).toNumber(true);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a ServiceStats message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @static
                 * @param {vexfs.bridge.v1.ServiceStats} m ServiceStats
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ServiceStats.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.id = "";
                        d.state = 0;
                        d.health = 0;
                        d.breaker = "";
                        d.active = 0;
                        d.queued = 0;
                        d.capacity = 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.total = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.total = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.failures = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.failures = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.avgResponseNs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.avgResponseNs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.heartbeatAgeMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.heartbeatAgeMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.healthCheckFailing = false;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.p50ResponseNs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.p50ResponseNs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.p99ResponseNs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.p99ResponseNs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.uid = 0;
                        d.pid = 0;
                        d.cpuPermille = 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.rssBytes = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.rssBytes = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.sendBlocked = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.sendBlocked = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.sendBufferedBytes = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.sendBufferedBytes = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.framesRefused = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.framesRefused = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.tokens = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.tokens = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    }
                    if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                        d.id = m.id;
                    }
                    if (m.state != null && Object.hasOwnProperty.call(m, "state")) {
                        d.state = m.state;
                    }
                    if (m.health != null && Object.hasOwnProperty.call(m, "health")) {
                        d.health = m.health;
                    }
                    if (m.breaker != null && Object.hasOwnProperty.call(m, "breaker")) {
                        d.breaker = m.breaker;
                    }
                    if (m.active != null && Object.hasOwnProperty.call(m, "active")) {
                        d.active = m.active;
                    }
                    if (m.queued != null && Object.hasOwnProperty.call(m, "queued")) {
                        d.queued = m.queued;
                    }
                    if (m.capacity != null && Object.hasOwnProperty.call(m, "capacity")) {
                        d.capacity = m.capacity;
                    }
                    if (m.total != null && Object.hasOwnProperty.call(m, "total")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.total = typeof m.total === "number" ? BigInt(m.total) : $util.Long.fromBits(m.total.low >>> 0, m.total.high >>> 0, true).toBigInt();
                        else if (typeof m.total === "number")
                            d.total = o.longs === String ? String(m.total) : m.total;
                        else
                            d.total = o.longs === String ? $util.Long.prototype.toString.call(m.total) : o.longs === Number ? new $util.LongBits(m.total.low >>> 0, m.total.high >>> 0).toNumber(true) : m.total;
                    }
                    if (m.failures != null && Object.hasOwnProperty.call(m, "failures")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.failures = typeof m.failures === "number" ? BigInt(m.failures) : $util.Long.fromBits(m.failures.low >>> 0, m.failures.high >>> 0, true).toBigInt();
                        else if (typeof m.failures === "number")
                            d.failures = o.longs === String ? String(m.failures) : m.failures;
                        else
                            d.failures = o.longs === String ? $util.Long.prototype.toString.call(m.failures) : o.longs === Number ? new $util.LongBits(m.failures.low >>> 0, m.failures.high >>> 0).toNumber(true) : m.failures;
                    }
                    if (m.avgResponseNs != null && Object.hasOwnProperty.call(m, "avgResponseNs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.avgResponseNs = typeof m.avgResponseNs === "number" ? BigInt(m.avgResponseNs) : $util.Long.fromBits(m.avgResponseNs.low >>> 0, m.avgResponseNs.high >>> 0, true).toBigInt();
                        else if (typeof m.avgResponseNs === "number")
                            d.avgResponseNs = o.longs === String ? String(m.avgResponseNs) : m.avgResponseNs;
                        else
                            d.avgResponseNs = o.longs === String ? $util.Long.prototype.toString.call(m.avgResponseNs) : o.longs === Number ? new $util.LongBits(m.avgResponseNs.low >>> 0, m.avgResponseNs.high >>> 0).toNumber(true) : m.avgResponseNs;
                    }
                    if (m.heartbeatAgeMs != null && Object.hasOwnProperty.call(m, "heartbeatAgeMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.heartbeatAgeMs = typeof m.heartbeatAgeMs === "number" ? BigInt(m.heartbeatAgeMs) : $util.Long.fromBits(m.heartbeatAgeMs.low >>> 0, m.heartbeatAgeMs.high >>> 0, true).toBigInt();
                        else if (typeof m.heartbeatAgeMs === "number")
                            d.heartbeatAgeMs = o.longs === String ? String(m.heartbeatAgeMs) : m.heartbeatAgeMs;
                        else
                            d.heartbeatAgeMs = o.longs === String ? $util.Long.prototype.toString.call(m.heartbeatAgeMs) : o.longs === Number ? new $util.LongBits(m.heartbeatAgeMs.low >>> 0, m.heartbeatAgeMs.high >>> 0).toNumber(true) : m.heartbeatAgeMs;
                    }
                    if (m.healthCheckFailing != null && Object.hasOwnProperty.call(m, "healthCheckFailing")) {
                        d.healthCheckFailing = m.healthCheckFailing;
                    }
                    if (m.p50ResponseNs != null && Object.hasOwnProperty.call(m, "p50ResponseNs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.p50ResponseNs = typeof m.p50ResponseNs === "number" ? BigInt(m.p50ResponseNs) : $util.Long.fromBits(m.p50ResponseNs.low >>> 0, m.p50ResponseNs.high >>> 0, true).toBigInt();
                        else if (typeof m.p50ResponseNs === "number")
                            d.p50ResponseNs = o.longs === String ? String(m.p50ResponseNs) : m.p50ResponseNs;
                        else
                            d.p50ResponseNs = o.longs === String ? $util.Long.prototype.toString.call(m.p50ResponseNs) : o.longs === Number ? new $util.LongBits(m.p50ResponseNs.low >>> 0, m.p50ResponseNs.high >>> 0).toNumber(true) : m.p50ResponseNs;
                    }
                    if (m.p99ResponseNs != null && Object.hasOwnProperty.call(m, "p99ResponseNs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.p99ResponseNs = typeof m.p99ResponseNs === "number" ? BigInt(m.p99ResponseNs) : $util.Long.fromBits(m.p99ResponseNs.low >>> 0, m.p99ResponseNs.high >>> 0, true).toBigInt();
                        else if (typeof m.p99ResponseNs === "number")
                            d.p99ResponseNs = o.longs === String ? String(m.p99ResponseNs) : m.p99ResponseNs;
                        else
                            d.p99ResponseNs = o.longs === String ? $util.Long.prototype.toString.call(m.p99ResponseNs) : o.longs === Number ? new $util.LongBits(m.p99ResponseNs.low >>> 0, m.p99ResponseNs.high >>> 0).toNumber(true) : m.p99ResponseNs;
                    }
                    if (m.uid != null && Object.hasOwnProperty.call(m, "uid")) {
                        d.uid = m.uid;
                    }
                    if (m.pid != null && Object.hasOwnProperty.call(m, "pid")) {
                        d.pid = m.pid;
                    }
                    if (m.cpuPermille != null && Object.hasOwnProperty.call(m, "cpuPermille")) {
                        d.cpuPermille = m.cpuPermille;
                    }
                    if (m.rssBytes != null && Object.hasOwnProperty.call(m, "rssBytes")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.rssBytes = typeof m.rssBytes === "number" ? BigInt(m.rssBytes) : $util.Long.fromBits(m.rssBytes.low >>> 0, m.rssBytes.high >>> 0, true).toBigInt();
                        else if (typeof m.rssBytes === "number")
                            d.rssBytes = o.longs === String ? String(m.rssBytes) : m.rssBytes;
                        else
                            d.rssBytes = o.longs === String ? $util.Long.prototype.toString.call(m.rssBytes) : o.longs === Number ? new $util.LongBits(m.rssBytes.low >>> 0, m.rssBytes.high >>> 0).toNumber(true) : m.rssBytes;
                    }
                    if (m.sendBlocked != null && Object.hasOwnProperty.call(m, "sendBlocked")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.sendBlocked = typeof m.sendBlocked === "number" ? BigInt(m.sendBlocked) : $util.Long.fromBits(m.sendBlocked.low >>> 0, m.sendBlocked.high >>> 0, true).toBigInt();
                        else if (typeof m.sendBlocked === "number")
                            d.sendBlocked = o.longs === String ? String(m.sendBlocked) : m.sendBlocked;
                        else
                            d.sendBlocked = o.longs === String ? $util.Long.prototype.toString.call(m.sendBlocked) : o.longs === Number ? new $util.LongBits(m.sendBlocked.low >>> 0, m.sendBlocked.high >>> 0).toNumber(true) : m.sendBlocked;
                    }
                    if (m.sendBufferedBytes != null && Object.hasOwnProperty.call(m, "sendBufferedBytes")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.sendBufferedBytes = typeof m.sendBufferedBytes === "number" ? BigInt(m.sendBufferedBytes) : $util.Long.fromBits(m.sendBufferedBytes.low >>> 0, m.sendBufferedBytes.high >>> 0, true).toBigInt();
                        else if (typeof m.sendBufferedBytes === "number")
                            d.sendBufferedBytes = o.longs === String ? String(m.sendBufferedBytes) : m.sendBufferedBytes;
                        else
                            d.sendBufferedBytes = o.longs === String ? $util.Long.prototype.toString.call(m.sendBufferedBytes) : o.longs === Number ? new $util.LongBits(m.sendBufferedBytes.low >>> 0, m.sendBufferedBytes.high >>> 0).toNumber(true) : m.sendBufferedBytes;
                    }
                    if (m.framesRefused != null && Object.hasOwnProperty.call(m, "framesRefused")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.framesRefused = typeof m.framesRefused === "number" ? BigInt(m.framesRefused) : $util.Long.fromBits(m.framesRefused.low >>> 0, m.framesRefused.high >>> 0, true).toBigInt();
                        else if (typeof m.framesRefused === "number")
                            d.framesRefused = o.longs === String ? String(m.framesRefused) : m.framesRefused;
                        else
                            d.framesRefused = o.longs === String ? $util.Long.prototype.toString.call(m.framesRefused) : o.longs === Number ? new $util.LongBits(m.framesRefused.low >>> 0, m.framesRefused.high >>> 0).toNumber(true) : m.framesRefused;
                    }
                    if (m.tokens != null && Object.hasOwnProperty.call(m, "tokens")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.tokens = typeof m.tokens === "number" ? BigInt(m.tokens) : $util.Long.fromBits(m.tokens.low >>> 0, m.tokens.high >>> 0, true).toBigInt();
                        else if (typeof m.tokens === "number")
                            d.tokens = o.longs === String ? String(m.tokens) : m.tokens;
                        else
                            d.tokens = o.longs === String ? $util.Long.prototype.toString.call(m.tokens) : o.longs === Number ? new $util.LongBits(m.tokens.low >>> 0, m.tokens.high >>> 0).toNumber(true) : m.tokens;
                    }
                    return d;
                };

                /**
                 * Converts this ServiceStats to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ServiceStats.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for ServiceStats
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.ServiceStats
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                ServiceStats.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.ServiceStats";
                };

                return ServiceStats;
            })();

            v1.DaemonStats = (function() {

                /**
                 * Properties of a DaemonStats.
                 * @memberof vexfs.bridge.v1
                 * @interface IDaemonStats
                 * @property {number|null} [uptimeMs] DaemonStats uptimeMs
                 * @property {string|null} [transport] DaemonStats transport
                 * @property {number|null} [inflight] DaemonStats inflight
                 * @property {number|null} [received] DaemonStats received
                 * @property {number|null} [succeeded] DaemonStats succeeded
                 * @property {number|null} [failed] DaemonStats failed
                 * @property {Array.<number>|null} [byStatus] DaemonStats byStatus
                 * @property {number|null} [cancelled] DaemonStats cancelled
                 * @property {number|null} [lateResults] DaemonStats lateResults
                 * @property {number|null} [avgLatencyNs] DaemonStats avgLatencyNs
                 * @property {Array.<number>|null} [queuedByLevel] DaemonStats queuedByLevel
                 * @property {number|null} [overflowQueued] DaemonStats overflowQueued
                 * @property {number|null} [avgQueueWaitNs] DaemonStats avgQueueWaitNs
                 * @property {number|null} [shed] DaemonStats shed
                 * @property {number|null} [rateLimited] DaemonStats rateLimited
                 * @property {number|null} [retries] DaemonStats retries
                 * @property {number|null} [retriesDenied] DaemonStats retriesDenied
                 * @property {number|null} [cacheHits] DaemonStats cacheHits
                 * @property {number|null} [cacheMisses] DaemonStats cacheMisses
                 * @property {number|null} [cacheCoalesced] DaemonStats cacheCoalesced
                 * @property {number|null} [cacheEntries] DaemonStats cacheEntries
                 * @property {number|null} [cacheBytes] DaemonStats cacheBytes
                 * @property {number|null} [backpressureFloor] DaemonStats backpressureFloor
                 * @property {number|null} [adaptiveRate] DaemonStats adaptiveRate
                 * @property {Array.<vexfs.bridge.v1.IServiceStats>|null} [services] DaemonStats services
                 * @property {number|null} [p50LatencyNs] DaemonStats p50LatencyNs
                 * @property {number|null} [p99LatencyNs] DaemonStats p99LatencyNs
                 * @property {string|null} [host] DaemonStats host
                 * @property {string|null} [natsState] DaemonStats natsState
                 * @property {string|null} [natsServer] DaemonStats natsServer
                 * @property {number|null} [natsDisconnects] DaemonStats natsDisconnects
                 * @property {number|null} [natsReconnects] DaemonStats natsReconnects
                 */

                /**
                 * Constructs a new DaemonStats.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents a DaemonStats.
                 * @implements IDaemonStats
                 * @constructor
                 * @param {vexfs.bridge.v1.IDaemonStats=} [p] Properties to set
                 */
                function DaemonStats(p) {
                    this.byStatus = [];
                    this.queuedByLevel = [];
                    this.services = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * DaemonStats uptimeMs.
                 * @member {number} uptimeMs
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.uptimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats transport.
                 * @member {string} transport
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.transport = "";

                /**
                 * DaemonStats inflight.
                 * @member {number} inflight
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.inflight = 0;

                /**
                 * DaemonStats received.
                 * @member {number} received
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.received = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats succeeded.
                 * @member {number} succeeded
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.succeeded = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats failed.
                 * @member {number} failed
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.failed = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats byStatus.
                 * @member {Array.<number>} byStatus
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.byStatus = $util.emptyArray;

                /**
                 * DaemonStats cancelled.
                 * @member {number} cancelled
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.cancelled = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats lateResults.
                 * @member {number} lateResults
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.lateResults = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats avgLatencyNs.
                 * @member {number} avgLatencyNs
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.avgLatencyNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats queuedByLevel.
                 * @member {Array.<number>} queuedByLevel
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.queuedByLevel = $util.emptyArray;

                /**
                 * DaemonStats overflowQueued.
                 * @member {number} overflowQueued
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.overflowQueued = 0;

                /**
                 * DaemonStats avgQueueWaitNs.
                 * @member {number} avgQueueWaitNs
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.avgQueueWaitNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats shed.
                 * @member {number} shed
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.shed = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats rateLimited.
                 * @member {number} rateLimited
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.rateLimited = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats retries.
                 * @member {number} retries
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.retries = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats retriesDenied.
                 * @member {number} retriesDenied
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.retriesDenied = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats cacheHits.
                 * @member {number} cacheHits
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.cacheHits = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats cacheMisses.
                 * @member {number} cacheMisses
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.cacheMisses = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats cacheCoalesced.
                 * @member {number} cacheCoalesced
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.cacheCoalesced = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats cacheEntries.
                 * @member {number} cacheEntries
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.cacheEntries = 0;

                /**
                 * DaemonStats cacheBytes.
                 * @member {number} cacheBytes
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.cacheBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats backpressureFloor.
                 * @member {number} backpressureFloor
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.backpressureFloor = 0;

                /**
                 * DaemonStats adaptiveRate.
                 * @member {number} adaptiveRate
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.adaptiveRate = 0;

                /**
                 * DaemonStats services.
                 * @member {Array.<vexfs.bridge.v1.IServiceStats>} services
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.services = $util.emptyArray;

                /**
                 * DaemonStats p50LatencyNs.
                 * @member {number} p50LatencyNs
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.p50LatencyNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats p99LatencyNs.
                 * @member {number} p99LatencyNs
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.p99LatencyNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats host.
                 * @member {string} host
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.host = "";

                /**
                 * DaemonStats natsState.
                 * @member {string} natsState
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.natsState = "";

                /**
                 * DaemonStats natsServer.
                 * @member {string} natsServer
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.natsServer = "";

                /**
                 * DaemonStats natsDisconnects.
                 * @member {number} natsDisconnects
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.natsDisconnects = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DaemonStats natsReconnects.
                 * @member {number} natsReconnects
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 */
                DaemonStats.prototype.natsReconnects = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new DaemonStats instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @static
                 * @param {vexfs.bridge.v1.IDaemonStats=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.DaemonStats} DaemonStats instance
                 */
                DaemonStats.create = function create(properties) {
                    return new DaemonStats(properties);
                };

                /**
                 * Encodes the specified DaemonStats message. Does not implicitly {@link vexfs.bridge.v1.DaemonStats.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @static
                 * @param {vexfs.bridge.v1.IDaemonStats} m DaemonStats message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                DaemonStats.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.uptimeMs != null && Object.hasOwnProperty.call(m, "uptimeMs"))
                        w.uint32(8).uint64(m.uptimeMs);
                    if (m.transport != null && Object.hasOwnProperty.call(m, "transport"))
                        w.uint32(18).string(m.transport);
                    if (m.inflight != null && Object.hasOwnProperty.call(m, "inflight"))
                        w.uint32(24).uint32(m.inflight);
                    if (m.received != null && Object.hasOwnProperty.call(m, "received"))
                        w.uint32(32).uint64(m.received);
                    if (m.succeeded != null && Object.hasOwnProperty.call(m, "succeeded"))
                        w.uint32(40).uint64(m.succeeded);
                    if (m.failed != null && Object.hasOwnProperty.call(m, "failed"))
                        w.uint32(48).uint64(m.failed);
                    if (m.byStatus != null && m.byStatus.length) {
                        w.uint32(58).fork();
                        for (var i = 0; i < m.byStatus.length; ++i)
                            w.uint64(m.byStatus[i]);
                        w.ldelim();
                    }
                    if (m.cancelled != null && Object.hasOwnProperty.call(m, "cancelled"))
                        w.uint32(64).uint64(m.cancelled);
                    if (m.lateResults != null && Object.hasOwnProperty.call(m, "lateResults"))
                        w.uint32(72).uint64(m.lateResults);
                    if (m.avgLatencyNs != null && Object.hasOwnProperty.call(m, "avgLatencyNs"))
                        w.uint32(80).uint64(m.avgLatencyNs);
                    if (m.queuedByLevel != null && m.queuedByLevel.length) {
                        w.uint32(90).fork();
                        for (var i = 0; i < m.queuedByLevel.length; ++i)
                            w.uint32(m.queuedByLevel[i]);
                        w.ldelim();
                    }
                    if (m.overflowQueued != null && Object.hasOwnProperty.call(m, "overflowQueued"))
                        w.uint32(96).uint32(m.overflowQueued);
                    if (m.avgQueueWaitNs != null && Object.hasOwnProperty.call(m, "avgQueueWaitNs"))
                        w.uint32(104).uint64(m.avgQueueWaitNs);
                    if (m.shed != null && Object.hasOwnProperty.call(m, "shed"))
                        w.uint32(112).uint64(m.shed);
                    if (m.rateLimited != null && Object.hasOwnProperty.call(m, "rateLimited"))
                        w.uint32(120).uint64(m.rateLimited);
                    if (m.retries != null && Object.hasOwnProperty.call(m, "retries"))
                        w.uint32(128).uint64(m.retries);
                    if (m.retriesDenied != null && Object.hasOwnProperty.call(m, "retriesDenied"))
                        w.uint32(136).uint64(m.retriesDenied);
                    if (m.cacheHits != null && Object.hasOwnProperty.call(m, "cacheHits"))
                        w.uint32(144).uint64(m.cacheHits);
                    if (m.cacheMisses != null && Object.hasOwnProperty.call(m, "cacheMisses"))
                        w.uint32(152).uint64(m.cacheMisses);
                    if (m.cacheCoalesced != null && Object.hasOwnProperty.call(m, "cacheCoalesced"))
                        w.uint32(160).uint64(m.cacheCoalesced);
                    if (m.cacheEntries != null && Object.hasOwnProperty.call(m, "cacheEntries"))
                        w.uint32(168).uint32(m.cacheEntries);
                    if (m.cacheBytes != null && Object.hasOwnProperty.call(m, "cacheBytes"))
                        w.uint32(176).uint64(m.cacheBytes);
                    if (m.backpressureFloor != null && Object.hasOwnProperty.call(m, "backpressureFloor"))
                        w.uint32(184).uint32(m.backpressureFloor);
                    if (m.adaptiveRate != null && Object.hasOwnProperty.call(m, "adaptiveRate"))
                        w.uint32(193).double(m.adaptiveRate);
                    if (m.services != null && m.services.length) {
                        for (var i = 0; i < m.services.length; ++i)
                            $root.vexfs.bridge.v1.ServiceStats.encode(m.services[i], w.uint32(202).fork(), q + 1).ldelim();
                    }
                    if (m.p50LatencyNs != null && Object.hasOwnProperty.call(m, "p50LatencyNs"))
                        w.uint32(208).uint64(m.p50LatencyNs);
                    if (m.p99LatencyNs != null && Object.hasOwnProperty.call(m, "p99LatencyNs"))
                        w.uint32(216).uint64(m.p99LatencyNs);
                    if (m.host != null && Object.hasOwnProperty.call(m, "host"))
                        w.uint32(226).string(m.host);
                    if (m.natsState != null && Object.hasOwnProperty.call(m, "natsState"))
                        w.uint32(234).string(m.natsState);
                    if (m.natsServer != null && Object.hasOwnProperty.call(m, "natsServer"))
                        w.uint32(242).string(m.natsServer);
                    if (m.natsDisconnects != null && Object.hasOwnProperty.call(m, "natsDisconnects"))
                        w.uint32(248).uint64(m.natsDisconnects);
                    if (m.natsReconnects != null && Object.hasOwnProperty.call(m, "natsReconnects"))
                        w.uint32(256).uint64(m.natsReconnects);
                    return w;
                };

                /**
                 * Decodes a DaemonStats message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.DaemonStats} DaemonStats
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                DaemonStats.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.DaemonStats();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.uptimeMs = r.uint64();
                                break;
                            }
                        case 2: {
                                m.transport = r.string();
                                break;
                            }
                        case 3: {
                                m.inflight = r.uint32();
                                break;
                            }
                        case 4: {
                                m.received = r.uint64();
                                break;
                            }
                        case 5: {
                                m.succeeded = r.uint64();
                                break;
                            }
                        case 6: {
                                m.failed = r.uint64();
                                break;
                            }
                        case 7: {
                                if (!(m.byStatus && m.byStatus.length))
                                    m.byStatus = [];
                                if ((t & 7) === 2) {
                                    var c2 = r.uint32() + r.pos;
                                    if (c2 > r.len)
                                        throw RangeError("index out of range");
                                    r.len = c2;
                                    while (r.pos < c2)
                                        m.byStatus.push(r.uint64());
                                    if (r.pos !== c2)
                                        throw RangeError("index out of range");
                                    r.len = c;
                                } else
                                    m.byStatus.push(r.uint64());
                                break;
                            }
                        case 8: {
                                m.cancelled = r.uint64();
                                break;
                            }
                        case 9: {
                                m.lateResults = r.uint64();
                                break;
                            }
                        case 10: {
                                m.avgLatencyNs = r.uint64();
                                break;
                            }
                        case 11: {
                                if (!(m.queuedByLevel && m.queuedByLevel.length))
                                    m.queuedByLevel = [];
                                if ((t & 7) === 2) {
                                    var c2 = r.uint32() + r.pos;
                                    if (c2 > r.len)
                                        throw RangeError("index out of range");
                                    r.len = c2;
                                    while (r.pos < c2)
                                        m.queuedByLevel.push(r.uint32());
                                    if (r.pos !== c2)
                                        throw RangeError("index out of range");
                                    r.len = c;
                                } else
                                    m.queuedByLevel.push(r.uint32());
                                break;
                            }
                        case 12: {
                                m.overflowQueued = r.uint32();
                                break;
                            }
                        case 13: {
                                m.avgQueueWaitNs = r.uint64();
                                break;
                            }
                        case 14: {
                                m.shed = r.uint64();
                                break;
                            }
                        case 15: {
                                m.rateLimited = r.uint64();
                                break;
                            }
                        case 16: {
                                m.retries = r.uint64();
                                break;
                            }
                        case 17: {
                                m.retriesDenied = r.uint64();
                                break;
                            }
                        case 18: {
                                m.cacheHits = r.uint64();
                                break;
                            }
                        case 19: {
                                m.cacheMisses = r.uint64();
                                break;
                            }
                        case 20: {
                                m.cacheCoalesced = r.uint64();
                                break;
                            }
                        case 21: {
                                m.cacheEntries = r.uint32();
                                break;
                            }
                        case 22: {
                                m.cacheBytes = r.uint64();
                                break;
                            }
                        case 23: {
                                m.backpressureFloor = r.uint32();
                                break;
                            }
                        case 24: {
                                m.adaptiveRate = r.double();
                                break;
                            }
                        case 25: {
                                if (!(m.services && m.services.length))
                                    m.services = [];
                                m.services.push($root.vexfs.bridge.v1.ServiceStats.decode(r, r.uint32(), undefined, n + 1));
                                break;
                            }
                        case 26: {
                                m.p50LatencyNs = r.uint64();
                                break;
                            }
                        case 27: {
                                m.p99LatencyNs = r.uint64();
                                break;
                            }
                        case 28: {
                                m.host = r.string();
                                break;
                            }
                        case 29: {
                                m.natsState = r.string();
                                break;
                            }
                        case 30: {
                                m.natsServer = r.string();
                                break;
                            }
                        case 31: {
                                m.natsDisconnects = r.uint64();
                                break;
                            }
                        case 32: {
                                m.natsReconnects = r.uint64();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a DaemonStats message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.DaemonStats} DaemonStats
                 */
                DaemonStats.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.DaemonStats)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.DaemonStats: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.DaemonStats();
                    if (d.uptimeMs != null) {
                        if ($util.Long)
                            m.uptimeMs = $util.Long.fromValue(d.uptimeMs, true);
                        else if (typeof d.uptimeMs === "string")
                            m.uptimeMs = parseInt(d.uptimeMs, 10);
                        else if (typeof d.uptimeMs === "number")
                            m.uptimeMs = d.uptimeMs;
                        else if (typeof d.uptimeMs === "object")
                            m.uptimeMs = new $util.LongBits(d.uptimeMs.low >>> 0, d.uptimeMs.high >>> 0).toNumber(true);
                    }
                    if (d.transport != null) {
                        m.transport = String(d.transport);
                    }
                    if (d.inflight != null) {
                        m.inflight = d.inflight >>> 0;
                    }
                    if (d.received != null) {
                        if ($util.Long)
                            m.received = $util.Long.fromValue(d.received, true);
                        else if (typeof d.received === "string")
                            m.received = parseInt(d.received, 10);
                        else if (typeof d.received === "number")
                            m.received = d.received;
                        else if (typeof d.received === "object")
                            m.received = new $util.LongBits(d.received.low >>> 0, d.received.high >>> 0).toNumber(true);
                    }
                    if (d.succeeded != null) {
                        if ($util.Long)
                            m.succeeded = $util.Long.fromValue(d.succeeded, true);
                        else if (typeof d.succeeded === "string")
                            m.succeeded = parseInt(d.succeeded, 10);
                        else if (typeof d.succeeded === "number")
                            m.succeeded = d.succeeded;
                        else if (typeof d.succeeded === "object")
                            m.succeeded = new $util.LongBits(d.succeeded.low >>> 0, d.succeeded.high >>> 0).toNumber(true);
                    }
                    if (d.failed != null) {
                        if ($util.Long)
                            m.failed = $util.Long.fromValue(d.failed, true);
                        else if (typeof d.failed === "string")
                            m.failed = parseInt(d.failed, 10);
                        else if (typeof d.failed === "number")
                            m.failed = d.failed;
                        else if (typeof d.failed === "object")
                            m.failed = new $util.LongBits(d.failed.low >>> 0, d.failed.high >>> 0).toNumber(true);
                    }
                    if (d.byStatus) {
                        if (!Array.isArray(d.byStatus))
                            throw TypeError(".vexfs.bridge.v1.DaemonStats.byStatus: array expected");
                        m.byStatus = [];
                        for (var i = 0; i < d.byStatus.length; ++i) {
                            if ($util.Long)
                                m.byStatus[i] = $util.Long.fromValue(d.byStatus[i], true);
                            else if (typeof d.byStatus[i] === "string")
                                m.byStatus[i] = parseInt(d.byStatus[i], 10);
                            else if (typeof d.byStatus[i] === "number")
                                m.byStatus[i] = d.byStatus[i];
                            else if (typeof d.byStatus[i] === "object")
                                m.byStatus[i] = new $util.LongBits(d.byStatus[i].low >>> 0, d.byStatus[i].high >>> 0).toNumber(true);
                        }
                    }
                    if (d.cancelled != null) {
                        if ($util.Long)
                            m.cancelled = $util.Long.fromValue(d.cancelled, true);
                        else if (typeof d.cancelled === "string")
                            m.cancelled = parseInt(d.cancelled, 10);
                        else if (typeof d.cancelled === "number")
                            m.cancelled = d.cancelled;
                        else if (typeof d.cancelled === "object")
                            m.cancelled = new $util.LongBits(d.cancelled.low >>> 0, d.cancelled.high >>> 0).toNumber(true);
                    }
                    if (d.lateResults != null) {
                        if ($util.Long)
                            m.lateResults = $util.Long.fromValue(d.lateResults, true);
                        else if (typeof d.lateResults === "string")
                            m.lateResults = parseInt(d.lateResults, 10);
                        else if (typeof d.lateResults === "number")
                            m.lateResults = d.lateResults;
                        else if (typeof d.lateResults === "object")
                            m.lateResults = new $util.LongBits(d.lateResults.low >>> 0, d.lateResults.high >>> 0).toNumber(true);
                    }
                    if (d.avgLatencyNs != null) {
                        if ($util.Long)
                            m.avgLatencyNs = $util.Long.fromValue(d.avgLatencyNs, true);
                        else if (typeof d.avgLatencyNs === "string")
                            m.avgLatencyNs = parseInt(d.avgLatencyNs, 10);
                        else if (typeof d.avgLatencyNs === "number")
                            m.avgLatencyNs = d.avgLatencyNs;
                        else if (typeof d.avgLatencyNs === "object")
                            m.avgLatencyNs = new $util.LongBits(d.avgLatencyNs.low >>> 0, d.avgLatencyNs.high >>> 0).toNumber(true);
                    }
                    if (d.queuedByLevel) {
                        if (!Array.isArray(d.queuedByLevel))
                            throw TypeError(".vexfs.bridge.v1.DaemonStats.queuedByLevel: array expected");
                        m.queuedByLevel = [];
                        for (var i = 0; i < d.queuedByLevel.length; ++i) {
                            m.queuedByLevel[i] = d.queuedByLevel[i] >>> 0;
                        }
                    }
                    if (d.overflowQueued != null) {
                        m.overflowQueued = d.overflowQueued >>> 0;
                    }
                    if (d.avgQueueWaitNs != null) {
                        if ($util.Long)
                            m.avgQueueWaitNs = $util.Long.fromValue(d.avgQueueWaitNs, true);
                        else if (typeof d.avgQueueWaitNs === "string")
                            m.avgQueueWaitNs = parseInt(d.avgQueueWaitNs, 10);
                        else if (typeof d.avgQueueWaitNs === "number")
                            m.avgQueueWaitNs = d.avgQueueWaitNs;
                        else if (typeof d.avgQueueWaitNs === "object")
                            m.avgQueueWaitNs = new $util.LongBits(d.avgQueueWaitNs.low >>> 0, d.avgQueueWaitNs.high >>> 0).toNumber(true);
                    }
                    if (d.shed != null) {
                        if ($util.Long)
                            m.shed = $util.Long.fromValue(d.shed, true);
                        else if (typeof d.shed === "string")
                            m.shed = parseInt(d.shed, 10);
                        else if (typeof d.shed === "number")
                            m.shed = d.shed;
                        else if (typeof d.shed === "object")
                            m.shed = new $util.LongBits(d.shed.low >>> 0, d.shed.high >>> 0).toNumber(true);
                    }
                    if (d.rateLimited != null) {
                        if ($util.Long)
                            m.rateLimited = $util.Long.fromValue(d.rateLimited, true);
                        else if (typeof d.rateLimited === "string")
                            m.rateLimited = parseInt(d.rateLimited, 10);
                        else if (typeof d.rateLimited === "number")
                            m.rateLimited = d.rateLimited;
                        else if (typeof d.rateLimited === "object")
                            m.rateLimited = new $util.LongBits(d.rateLimited.low >>> 0, d.rateLimited.high >>> 0).toNumber(true);
                    }
                    if (d.retries != null) {
                        if ($util.Long)
                            m.retries = $util.Long.fromValue(d.retries, true);
                        else if (typeof d.retries === "string")
                            m.retries = parseInt(d.retries, 10);
                        else if (typeof d.retries === "number")
                            m.retries = d.retries;
                        else if (typeof d.retries === "object")
                            m.retries = new $util.LongBits(d.retries.low >>> 0, d.retries.high >>> 0).toNumber(true);
                    }
                    if (d.retriesDenied != null) {
                        if ($util.Long)
                            m.retriesDenied = $util.Long.fromValue(d.retriesDenied, true);
                        else if (typeof d.retriesDenied === "string")
                            m.retriesDenied = parseInt(d.retriesDenied, 10);
                        else if (typeof d.retriesDenied === "number")
                            m.retriesDenied = d.retriesDenied;
                        else if (typeof d.retriesDenied === "object")
                            m.retriesDenied = new $util.LongBits(d.retriesDenied.low >>> 0, d.retriesDenied.high >>> 0).toNumber(true);
                    }
                    if (d.cacheHits != null) {
                        if ($util.Long)
                            m.cacheHits = $util.Long.fromValue(d.cacheHits, true);
                        else if (typeof d.cacheHits === "string")
                            m.cacheHits = parseInt(d.cacheHits, 10);
                        else if (typeof d.cacheHits === "number")
                            m.cacheHits = d.cacheHits;
                        else if (typeof d.cacheHits === "object")
                            m.cacheHits = new $util.LongBits(d.cacheHits.low >>> 0, d.cacheHits.high >>> 0).toNumber(true);
                    }
                    if (d.cacheMisses != null) {
                        if ($util.Long)
                            m.cacheMisses = $util.Long.fromValue(d.cacheMisses, true);
                        else if (typeof d.cacheMisses === "string")
                            m.cacheMisses = parseInt(d.cacheMisses, 10);
                        else if (typeof d.cacheMisses === "number")
                            m.cacheMisses = d.cacheMisses;
                        else if (typeof d.cacheMisses === "object")
                            m.cacheMisses = new $util.LongBits(d.cacheMisses.low >>> 0, d.cacheMisses.high >>> 0).toNumber(true);
                    }
                    if (d.cacheCoalesced != null) {
                        if ($util.Long)
                            m.cacheCoalesced = $util.Long.fromValue(d.cacheCoalesced, true);
                        else if (typeof d.cacheCoalesced === "string")
                            m.cacheCoalesced = parseInt(d.cacheCoalesced, 10);
                        else if (typeof d.cacheCoalesced === "number")
                            m.cacheCoalesced = d.cacheCoalesced;
                        else if (typeof d.cacheCoalesced === "object")
                            m.cacheCoalesced = new $util.LongBits(d.cacheCoalesced.low >>> 0, d.cacheCoalesced.high >>> 0).toNumber(true);
                    }
                    if (d.cacheEntries != null) {
                        m.cacheEntries = d.cacheEntries >>> 0;
                    }
                    if (d.cacheBytes != null) {
                        if ($util.Long)
                            m.cacheBytes = $util.Long.fromValue(d.cacheBytes, true);
                        else if (typeof d.cacheBytes === "string")
                            m.cacheBytes = parseInt(d.cacheBytes, 10);
                        else if (typeof d.cacheBytes === "number")
                            m.cacheBytes = d.cacheBytes;
                        else if (typeof d.cacheBytes === "object")
                            m.cacheBytes = new $util.LongBits(d.cacheBytes.low >>> 0, d.cacheBytes.high >>> 0).toNumber(true);
                    }
                    if (d.backpressureFloor != null) {
                        m.backpressureFloor = d.backpressureFloor >>> 0;
                    }
                    if (d.adaptiveRate != null) {
                        m.adaptiveRate = Number(d.adaptiveRate);
                    }
                    if (d.services) {
                        if (!Array.isArray(d.services))
                            throw TypeError(".vexfs.bridge.v1.DaemonStats.services: array expected");
                        m.services = [];
                        for (var i = 0; i < d.services.length; ++i) {
                            if (!$util.isObject(d.services[i]))
                                throw TypeError(".vexfs.bridge.v1.DaemonStats.services: object expected");
                            m.services[i] = $root.vexfs.bridge.v1.ServiceStats.fromObject(d.services[i], n + 1);
                        }
                    }
                    if (d.p50LatencyNs != null) {
                        if ($util.Long)
                            m.p50LatencyNs = $util.Long.fromValue(d.p50LatencyNs, true);
                        else if (typeof d.p50LatencyNs === "string")
                            m.p50LatencyNs = parseInt(d.p50LatencyNs, 10);
                        else if (typeof d.p50LatencyNs === "number")
                            m.p50LatencyNs = d.p50LatencyNs;
                        else if (typeof d.p50LatencyNs === "object")
                            m.p50LatencyNs = new $util.LongBits(d.p50LatencyNs.low >>> 0, d.p50LatencyNs.high >>> 0).toNumber(true);
                    }
                    if (d.p99LatencyNs != null) {
                        if ($util.Long)
                            m.p99LatencyNs = $util.Long.fromValue(d.p99LatencyNs, true);
                        else if (typeof d.p99LatencyNs === "string")
                            m.p99LatencyNs = parseInt(d.p99LatencyNs, 10);
                        else if (typeof d.p99LatencyNs === "number")
                            m.p99LatencyNs = d.p99LatencyNs;
                        else if (typeof d.p99LatencyNs === "object")
                            m.p99LatencyNs = new $util.LongBits(d.p99LatencyNs.low >>> 0, d.p99LatencyNs.high >>> 0).toNumber(true);
                    }
                    if (d.host != null) {
                        m.host = String(d.host);
                    }
                    if (d.natsState != null) {
                        m.natsState = String(d.natsState);
                    }
                    if (d.natsServer != null) {
                        m.natsServer = String(d.natsServer);
                    }
                    if (d.natsDisconnects != null) {
                        if ($util.Long)
                            m.natsDisconnects = $util.Long.fromValue(d.natsDisconnects, true);
                        else if (typeof d.natsDisconnects === "string")
                            m.natsDisconnects = parseInt(d.natsDisconnects, 10);
                        else if (typeof d.natsDisconnects === "number")
                            m.natsDisconnects = d.natsDisconnects;
                        else if (typeof d.natsDisconnects === "object")
                            m.natsDisconnects = new $util.LongBits(d.natsDisconnects.low >>> 0, d.natsDisconnects.high >>> 0).toNumber(true);
                    }
                    if (d.natsReconnects != null) {
                        if ($util.Long)
                            m.natsReconnects = $util.Long.fromValue(d.natsReconnects, true);
                        else if (typeof d.natsReconnects === "string")
                            m.natsReconnects = parseInt(d.natsReconnects, 10);
                        else if (typeof d.natsReconnects === "number")
                            m.natsReconnects = d.natsReconnects;
                        else if (typeof d.natsReconnects === "object")
                            m.natsReconnects = new $util.LongBits(d.natsReconnects.low >>> 0, d.natsReconnects.high >>> 0).toNumber(true);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a DaemonStats message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @static
                 * @param {vexfs.bridge.v1.DaemonStats} m DaemonStats
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                DaemonStats.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.byStatus = [];
                        d.queuedByLevel = [];
                        d.services = [];
                    }
                    if (o.defaults) {
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.uptimeMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.uptimeMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.transport = "";
                        d.inflight = 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.received = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.received = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.succeeded = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.succeeded = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.failed = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.failed = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.cancelled = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.cancelled = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.lateResults = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.lateResults = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.avgLatencyNs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.avgLatencyNs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.overflowQueued = 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.avgQueueWaitNs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.avgQueueWaitNs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.shed = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.shed = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.rateLimited = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.rateLimited = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.retries = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.retries = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.retriesDenied = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.retriesDenied = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.cacheHits = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.cacheHits = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.cacheMisses = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.cacheMisses = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.cacheCoalesced = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.cacheCoalesced = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.cacheEntries = 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.cacheBytes = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.cacheBytes = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.backpressureFloor = 0;
                        d.adaptiveRate = 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.p50LatencyNs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.p50LatencyNs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.p99LatencyNs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.p99LatencyNs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.host = "";
                        d.natsState = "";
                        d.natsServer = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.natsDisconnects = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.natsDisconnects = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.natsReconnects = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.natsReconnects = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    }
                    if (m.uptimeMs != null && Object.hasOwnProperty.call(m, "uptimeMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.uptimeMs = typeof m.uptimeMs === "number" ? BigInt(m.uptimeMs) : $util.Long.fromBits(m.uptimeMs.low >>> 0, m.uptimeMs.high >>> 0, true).toBigInt();
                        else if (typeof m.uptimeMs === "number")
                            d.uptimeMs = o.longs === String ? String(m.uptimeMs) : m.uptimeMs;
                        else
                            d.uptimeMs = o.longs === String ? $util.Long.prototype.toString.call(m.uptimeMs) : o.longs === Number ? new $util.LongBits(m.uptimeMs.low >>> 0, m.uptimeMs.high >>> 0).toNumber(true) : m.uptimeMs;
                    }
                    if (m.transport != null && Object.hasOwnProperty.call(m, "transport")) {
                        d.transport = m.transport;
                    }
                    if (m.inflight != null && Object.hasOwnProperty.call(m, "inflight")) {
                        d.inflight = m.inflight;
                    }
                    if (m.received != null && Object.hasOwnProperty.call(m, "received")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.received = typeof m.received === "number" ? BigInt(m.received) : $util.Long.fromBits(m.received.low >>> 0, m.received.high >>> 0, true).toBigInt();
                        else if (typeof m.received === "number")
                            d.received = o.longs === String ? String(m.received) : m.received;
                        else
                            d.received = o.longs === String ? $util.Long.prototype.toString.call(m.received) : o.longs === Number ? new $util.LongBits(m.received.low >>> 0, m.received.high >>> 0).toNumber(true) : m.received;
                    }
                    if (m.succeeded != null && Object.hasOwnProperty.call(m, "succeeded")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.succeeded = typeof m.succeeded === "number" ? BigInt(m.succeeded) : $util.Long.fromBits(m.succeeded.low >>> 0, m.succeeded.high >>> 0, true).toBigInt();
                        else if (typeof m.succeeded === "number")
                            d.succeeded = o.longs === String ? String(m.succeeded) : m.succeeded;
                        else
                            d.succeeded = o.longs === String ? $util.Long.prototype.toString.call(m.succeeded) : o.longs === Number ? new $util.LongBits(m.succeeded.low >>> 0, m.succeeded.high >>> 0).toNumber(true) : m.succeeded;
                    }
                    if (m.failed != null && Object.hasOwnProperty.call(m, "failed")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.failed = typeof m.failed === "number" ? BigInt(m.failed) : $util.Long.fromBits(m.failed.low >>> 0, m.failed.high >>> 0, true).toBigInt();
                        else if (typeof m.failed === "number")
                            d.failed = o.longs === String ? String(m.failed) : m.failed;
                        else
                            d.failed = o.longs === String ? $util.Long.prototype.toString.call(m.failed) : o.longs === Number ? new $util.LongBits(m.failed.low >>> 0, m.failed.high >>> 0).toNumber(true) : m.failed;
                    }
                    if (m.byStatus && m.byStatus.length) {
                        d.byStatus = [];
                        for (var j = 0; j < m.byStatus.length; ++j) {
                            if (typeof BigInt !== "undefined" && o.longs === BigInt)
                                d.byStatus[j] = typeof m.byStatus[j] === "number" ? BigInt(m.byStatus[j]) : $util.Long.fromBits(m.byStatus[j].low >>> 0, m.byStatus[j].high >>> 0, true).toBigInt();
                            else if (typeof m.byStatus[j] === "number")
                                d.byStatus[j] = o.longs === String ? String(m.byStatus[j]) : m.byStatus[j];
                            else
                                d.byStatus[j] = o.longs === String ? $util.Long.prototype.toString.call(m.byStatus[j]) : o.longs === Number ? new $util.LongBits(m.byStatus[j].low >>> 0, m.byStatus[j].high >>> 0).toNumber(true) : m.byStatus[j];
                        }
                    }
                    if (m.cancelled != null && Object.hasOwnProperty.call(m, "cancelled")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.cancelled = typeof m.cancelled === "number" ? BigInt(m.cancelled) : $util.Long.fromBits(m.cancelled.low >>> 0, m.cancelled.high >>> 0, true).toBigInt();
                        else if (typeof m.cancelled === "number")
                            d.cancelled = o.longs === String ? String(m.cancelled) : m.cancelled;
                        else
                            d.cancelled = o.longs === String ? $util.Long.prototype.toString.call(m.cancelled) : o.longs === Number ? new $util.LongBits(m.cancelled.low >>> 0, m.cancelled.high >>> 0).toNumber(true) : m.cancelled;
                    }
                    if (m.lateResults != null && Object.hasOwnProperty.call(m, "lateResults")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.lateResults = typeof m.lateResults === "number" ? BigInt(m.lateResults) : $util.Long.fromBits(m.lateResults.low >>> 0, m.lateResults.high >>> 0, true).toBigInt();
                        else if (typeof m.lateResults === "number")
                            d.lateResults = o.longs === String ? String(m.lateResults) : m.lateResults;
                        else
                            d.lateResults = o.longs === String ? $util.Long.prototype.toString.call(m.lateResults) : o.longs === Number ? new $util.LongBits(m.lateResults.low >>> 0, m.lateResults.high >>> 0).toNumber(true) : m.lateResults;
                    }
                    if (m.avgLatencyNs != null && Object.hasOwnProperty.call(m, "avgLatencyNs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.avgLatencyNs = typeof m.avgLatencyNs === "number" ? BigInt(m.avgLatencyNs) : $util.Long.fromBits(m.avgLatencyNs.low >>> 0, m.avgLatencyNs.high >>> 0, true).toBigInt();
                        else if (typeof m.avgLatencyNs === "number")
                            d.avgLatencyNs = o.longs === String ? String(m.avgLatencyNs) : m.avgLatencyNs;
                        else
                            d.avgLatencyNs = o.longs === String ? $util.Long.prototype.toString.call(m.avgLatencyNs) : o.longs === Number ? new $util.LongBits(m.avgLatencyNs.low >>> 0, m.avgLatencyNs.high >>> 0).toNumber(true) : m.avgLatencyNs;
                    }
                    if (m.queuedByLevel && m.queuedByLevel.length) {
                        d.queuedByLevel = [];
                        for (var j = 0; j < m.queuedByLevel.length; ++j) {
                            d.queuedByLevel[j] = m.queuedByLevel[j];
                        }
                    }
                    if (m.overflowQueued != null && Object.hasOwnProperty.call(m, "overflowQueued")) {
                        d.overflowQueued = m.overflowQueued;
                    }
                    if (m.avgQueueWaitNs != null && Object.hasOwnProperty.call(m, "avgQueueWaitNs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.avgQueueWaitNs = typeof m.avgQueueWaitNs === "number" ? BigInt(m.avgQueueWaitNs) : $util.Long.fromBits(m.avgQueueWaitNs.low >>> 0, m.avgQueueWaitNs.high >>> 0, true).toBigInt();
                        else if (typeof m.avgQueueWaitNs === "number")
                            d.avgQueueWaitNs = o.longs === String ? String(m.avgQueueWaitNs) : m.avgQueueWaitNs;
                        else
                            d.avgQueueWaitNs = o.longs === String ? $util.Long.prototype.toString.call(m.avgQueueWaitNs) : o.longs === Number ? new $util.LongBits(m.avgQueueWaitNs.low >>> 0, m.avgQueueWaitNs.high >>> 0).toNumber(true) : m.avgQueueWaitNs;
                    }
                    if (m.shed != null && Object.hasOwnProperty.call(m, "shed")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.shed = typeof m.shed === "number" ? BigInt(m.shed) : $util.Long.fromBits(m.shed.low >>> 0, m.shed.high >>> 0, true).toBigInt();
                        else if (typeof m.shed === "number")
                            d.shed = o.longs === String ? String(m.shed) : m.shed;
                        else
                            d.shed = o.longs === String ? $util.Long.prototype.toString.call(m.shed) : o.longs === Number ? new $util.LongBits(m.shed.low >>> 0, m.shed.high >>> 0).toNumber(true) : m.shed;
                    }
                    if (m.rateLimited != null && Object.hasOwnProperty.call(m, "rateLimited")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.rateLimited = typeof m.rateLimited === "number" ? BigInt(m.rateLimited) : $util.Long.fromBits(m.rateLimited.low >>> 0, m.rateLimited.high >>> 0, true).toBigInt();
                        else if (typeof m.rateLimited === "number")
                            d.rateLimited = o.longs === String ? String(m.rateLimited) : m.rateLimited;
                        else
                            d.rateLimited = o.longs === String ? $util.Long.prototype.toString.call(m.rateLimited) : o.longs === Number ? new $util.LongBits(m.rateLimited.low >>> 0, m.rateLimited.high >>> 0).toNumber(true) : m.rateLimited;
                    }
                    if (m.retries != null && Object.hasOwnProperty.call(m, "retries")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.retries = typeof m.retries === "number" ? BigInt(m.retries) : $util.Long.fromBits(m.retries.low >>> 0, m.retries.high >>> 0, true).toBigInt();
                        else if (typeof m.retries === "number")
                            d.retries = o.longs === String ? String(m.retries) : m.retries;
                        else
                            d.retries = o.longs === String ? $util.Long.prototype.toString.call(m.retries) : o.longs === Number ? new $util.LongBits(m.retries.low >>> 0, m.retries.high >>> 0).toNumber(true) : m.retries;
                    }
                    if (m.retriesDenied != null && Object.hasOwnProperty.call(m, "retriesDenied")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.retriesDenied = typeof m.retriesDenied === "number" ? BigInt(m.retriesDenied) : $util.Long.fromBits(m.retriesDenied.low >>> 0, m.retriesDenied.high >>> 0, true).toBigInt();
                        else if (typeof m.retriesDenied === "number")
                            d.retriesDenied = o.longs === String ? String(m.retriesDenied) : m.retriesDenied;
                        else
                            d.retriesDenied = o.longs === String ? $util.Long.prototype.toString.call(m.retriesDenied) : o.longs === Number ? new $util.LongBits(m.retriesDenied.low >>> 0, m.retriesDenied.high >>> 0).toNumber(true) : m.retriesDenied;
                    }
                    if (m.cacheHits != null && Object.hasOwnProperty.call(m, "cacheHits")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.cacheHits = typeof m.cacheHits === "number" ? BigInt(m.cacheHits) : $util.Long.fromBits(m.cacheHits.low >>> 0, m.cacheHits.high >>> 0, true).toBigInt();
                        else if (typeof m.cacheHits === "number")
                            d.cacheHits = o.longs === String ? String(m.cacheHits) : m.cacheHits;
                        else
                            d.cacheHits = o.longs === String ? $util.Long.prototype.toString.call(m.cacheHits) : o.longs === Number ? new $util.LongBits(m.cacheHits.low >>> 0, m.cacheHits.high >>> 0).toNumber(true) : m.cacheHits;
                    }
                    if (m.cacheMisses != null && Object.hasOwnProperty.call(m, "cacheMisses")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.cacheMisses = typeof m.cacheMisses === "number" ? BigInt(m.cacheMisses) : $util.Long.fromBits(m.cacheMisses.low >>> 0, m.cacheMisses.high >>> 0, true).toBigInt();
                        else if (typeof m.cacheMisses === "number")
                            d.cacheMisses = o.longs === String ? String(m.cacheMisses) : m.cacheMisses;
                        else
                            d.cacheMisses = o.longs === String ? $util.Long.prototype.toString.call(m.cacheMisses) : o.longs === Number ? new $util.LongBits(m.cacheMisses.low >>> 0, m.cacheMisses.high >>> 0).toNumber(true) : m.cacheMisses;
                    }
                    if (m.cacheCoalesced != null && Object.hasOwnProperty.call(m, "cacheCoalesced")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.cacheCoalesced = typeof m.cacheCoalesced === "number" ? BigInt(m.cacheCoalesced) : $util.Long.fromBits(m.cacheCoalesced.low >>> 0, m.cacheCoalesced.high >>> 0, true).toBigInt();
                        else if (typeof m.cacheCoalesced === "number")
                            d.cacheCoalesced = o.longs === String ? String(m.cacheCoalesced) : m.cacheCoalesced;
                        else
                            d.cacheCoalesced = o.longs === String ? $util.Long.prototype.toString.call(m.cacheCoalesced) : o.longs === Number ? new $util.LongBits(m.cacheCoalesced.low >>> 0, m.cacheCoalesced.high >>> 0).toNumber(true) : m.cacheCoalesced;
                    }
                    if (m.cacheEntries != null && Object.hasOwnProperty.call(m, "cacheEntries")) {
                        d.cacheEntries = m.cacheEntries;
                    }
                    if (m.cacheBytes != null && Object.hasOwnProperty.call(m, "cacheBytes")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.cacheBytes = typeof m.cacheBytes === "number" ? BigInt(m.cacheBytes) : $util.Long.fromBits(m.cacheBytes.low >>> 0, m.cacheBytes.high >>> 0, true).toBigInt();
                        else if (typeof m.cacheBytes === "number")
                            d.cacheBytes = o.longs === String ? String(m.cacheBytes) : m.cacheBytes;
                        else
                            d.cacheBytes = o.longs === String ? $util.Long.prototype.toString.call(m.cacheBytes) : o.longs === Number ? new $util.LongBits(m.cacheBytes.low >>> 0, m.cacheBytes.high >>> 0).toNumber(true) : m.cacheBytes;
                    }
                    if (m.backpressureFloor != null && Object.hasOwnProperty.call(m, "backpressureFloor")) {
                        d.backpressureFloor = m.backpressureFloor;
                    }
                    if (m.adaptiveRate != null && Object.hasOwnProperty.call(m, "adaptiveRate")) {
                        d.adaptiveRate = o.json && !isFinite(m.adaptiveRate) ? String(m.adaptiveRate) : m.adaptiveRate;
                    }
                    if (m.services && m.services.length) {
                        d.services = [];
                        for (var j = 0; j < m.services.length; ++j) {
                            d.services[j] = $root.vexfs.bridge.v1.ServiceStats.toObject(m.services[j], o, q + 1);
                        }
                    }
                    if (m.p50LatencyNs != null && Object.hasOwnProperty.call(m, "p50LatencyNs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.p50LatencyNs = typeof m.p50LatencyNs === "number" ? BigInt(m.p50LatencyNs) : $util.Long.fromBits(m.p50LatencyNs.low >>> 0, m.p50LatencyNs.high >>> 0, true).toBigInt();
                        else if (typeof m.p50LatencyNs === "number")
                            d.p50LatencyNs = o.longs === String ? String(m.p50LatencyNs) : m.p50LatencyNs;
                        else
                            d.p50LatencyNs = o.longs === String ? $util.Long.prototype.toString.call(m.p50LatencyNs) : o.longs === Number ? new $util.LongBits(m.p50LatencyNs.low >>> 0, m.p50LatencyNs.high >>> 0).toNumber(true) : m.p50LatencyNs;
                    }
                    if (m.p99LatencyNs != null && Object.hasOwnProperty.call(m, "p99LatencyNs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.p99LatencyNs = typeof m.p99LatencyNs === "number" ? BigInt(m.p99LatencyNs) : $util.Long.fromBits(m.p99LatencyNs.low >>> 0, m.p99LatencyNs.high >>> 0, true).toBigInt();
                        else if (typeof m.p99LatencyNs === "number")
                            d.p99LatencyNs = o.longs === String ? String(m.p99LatencyNs) : m.p99LatencyNs;
                        else
                            d.p99LatencyNs = o.longs === String ? $util.Long.prototype.toString.call(m.p99LatencyNs) : o.longs === Number ? new $util.LongBits(m.p99LatencyNs.low >>> 0, m.p99LatencyNs.high >>> 0).toNumber(true) : m.p99LatencyNs;
                    }
                    if (m.host != null && Object.hasOwnProperty.call(m, "host")) {
                        d.host = m.host;
                    }
                    if (m.natsState != null && Object.hasOwnProperty.call(m, "natsState")) {
                        d.natsState = m.natsState;
                    }
                    if (m.natsServer != null && Object.hasOwnProperty.call(m, "natsServer")) {
                        d.natsServer = m.natsServer;
                    }
                    if (m.natsDisconnects != null && Object.hasOwnProperty.call(m, "natsDisconnects")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.natsDisconnects = typeof m.natsDisconnects === "number" ? BigInt(m.natsDisconnects) : $util.Long.fromBits(m.natsDisconnects.low >>> 0, m.natsDisconnects.high >>> 0, true).toBigInt();
                        else if (typeof m.natsDisconnects === "number")
                            d.natsDisconnects = o.longs === String ? String(m.natsDisconnects) : m.natsDisconnects;
                        else
                            d.natsDisconnects = o.longs === String ? $util.Long.prototype.toString.call(m.natsDisconnects) : o.longs === Number ? new $util.LongBits(m.natsDisconnects.low >>> 0, m.natsDisconnects.high >>> 0).toNumber(true) : m.natsDisconnects;
                    }
                    if (m.natsReconnects != null && Object.hasOwnProperty.call(m, "natsReconnects")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.natsReconnects = typeof m.natsReconnects === "number" ? BigInt(m.natsReconnects) : $util.Long.fromBits(m.natsReconnects.low >>> 0, m.natsReconnects.high >>> 0, true).toBigInt();
                        else if (typeof m.natsReconnects === "number")
                            d.natsReconnects = o.longs === String ? String(m.natsReconnects) : m.natsReconnects;
                        else
                            d.natsReconnects = o.longs === String ? $util.Long.prototype.toString.call(m.natsReconnects) : o.longs === Number ? new $util.LongBits(m.natsReconnects.low >>> 0, m.natsReconnects.high >>> 0).toNumber(true) : m.natsReconnects;
                    }
                    return d;
                };

                /**
                 * Converts this DaemonStats to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                DaemonStats.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for DaemonStats
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.DaemonStats
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                DaemonStats.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.DaemonStats";
                };

                return DaemonStats;
            })();

            v1.ControlResponse = (function() {

                /**
                 * Properties of a ControlResponse.
                 * @memberof vexfs.bridge.v1
                 * @interface IControlResponse
                 * @property {number|null} [id] ControlResponse id
                 * @property {number|null} [errno] ControlResponse errno
                 * @property {string|null} [error] ControlResponse error
                 * @property {Array.<vexfs.bridge.v1.IServiceInfo>|null} [services] ControlResponse services
                 * @property {vexfs.bridge.v1.IDaemonStats|null} [stats] ControlResponse stats
                 * @property {vexfs.bridge.v1.IEmbedOutcome|null} [embed] ControlResponse embed
                 * @property {Array.<vexfs.bridge.v1.ITokenInfo>|null} [tokens] ControlResponse tokens
                 * @property {string|null} [token] ControlResponse token
                 * @property {Array.<string>|null} [backends] ControlResponse backends
                 */

                /**
                 * Constructs a new ControlResponse.
                 * @memberof vexfs.bridge.v1
                 * @classdesc Represents a ControlResponse.
                 * @implements IControlResponse
                 * @constructor
                 * @param {vexfs.bridge.v1.IControlResponse=} [p] Properties to set
                 */
                function ControlResponse(p) {
                    this.services = [];
                    this.tokens = [];
                    this.backends = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * ControlResponse id.
                 * @member {number} id
                 * @memberof vexfs.bridge.v1.ControlResponse
                 * @instance
                 */
                ControlResponse.prototype.id = 0;

                /**
                 * ControlResponse errno.
                 * @member {number} errno
                 * @memberof vexfs.bridge.v1.ControlResponse
                 * @instance
                 */
                ControlResponse.prototype.errno = 0;

                /**
                 * ControlResponse error.
                 * @member {string} error
                 * @memberof vexfs.bridge.v1.ControlResponse
                 * @instance
                 */
                ControlResponse.prototype.error = "";

                /**
                 * ControlResponse services.
                 * @member {Array.<vexfs.bridge.v1.IServiceInfo>} services
                 * @memberof vexfs.bridge.v1.ControlResponse
                 * @instance
                 */
                ControlResponse.prototype.services = $util.emptyArray;

                /**
                 * ControlResponse stats.
                 * @member {vexfs.bridge.v1.IDaemonStats|null|undefined} stats
                 * @memberof vexfs.bridge.v1.ControlResponse
                 * @instance
                 */
                ControlResponse.prototype.stats = null;

                /**
                 * ControlResponse embed.
                 * @member {vexfs.bridge.v1.IEmbedOutcome|null|undefined} embed
                 * @memberof vexfs.bridge.v1.ControlResponse
                 * @instance
                 */
                ControlResponse.prototype.embed = null;

                /**
                 * ControlResponse tokens.
                 * @member {Array.<vexfs.bridge.v1.ITokenInfo>} tokens
                 * @memberof vexfs.bridge.v1.ControlResponse
                 * @instance
                 */
                ControlResponse.prototype.tokens = $util.emptyArray;

                /**
                 * ControlResponse token.
                 * @member {string} token
                 * @memberof vexfs.bridge.v1.ControlResponse
                 * @instance
                 */
                ControlResponse.prototype.token = "";

                /**
                 * ControlResponse backends.
                 * @member {Array.<string>} backends
                 * @memberof vexfs.bridge.v1.ControlResponse
                 * @instance
                 */
                ControlResponse.prototype.backends = $util.emptyArray;

                /**
                 * Creates a new ControlResponse instance using the specified properties.
                 * @function create
                 * @memberof vexfs.bridge.v1.ControlResponse
                 * @static
                 * @param {vexfs.bridge.v1.IControlResponse=} [properties] Properties to set
                 * @returns {vexfs.bridge.v1.ControlResponse} ControlResponse instance
                 */
                ControlResponse.create = function create(properties) {
                    return new ControlResponse(properties);
                };

                /**
                 * Encodes the specified ControlResponse message. Does not implicitly {@link vexfs.bridge.v1.ControlResponse.verify|verify} messages.
                 * @function encode
                 * @memberof vexfs.bridge.v1.ControlResponse
                 * @static
                 * @param {vexfs.bridge.v1.IControlResponse} m ControlResponse message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ControlResponse.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                        w.uint32(8).uint32(m.id);
                    if (m.errno != null && Object.hasOwnProperty.call(m, "errno"))
                        w.uint32(16).uint32(m.errno);
                    if (m.error != null && Object.hasOwnProperty.call(m, "error"))
                        w.uint32(26).string(m.error);
                    if (m.services != null && m.services.length) {
                        for (var i = 0; i < m.services.length; ++i)
                            $root.vexfs.bridge.v1.ServiceInfo.encode(m.services[i], w.uint32(34).fork(), q + 1).ldelim();
                    }
                    if (m.stats != null && Object.hasOwnProperty.call(m, "stats"))
                        $root.vexfs.bridge.v1.DaemonStats.encode(m.stats, w.uint32(42).fork(), q + 1).ldelim();
                    if (m.embed != null && Object.hasOwnProperty.call(m, "embed"))
                        $root.vexfs.bridge.v1.EmbedOutcome.encode(m.embed, w.uint32(50).fork(), q + 1).ldelim();
                    if (m.tokens != null && m.tokens.length) {
                        for (var i = 0; i < m.tokens.length; ++i)
                            $root.vexfs.bridge.v1.TokenInfo.encode(m.tokens[i], w.uint32(58).fork(), q + 1).ldelim();
                    }
                    if (m.token != null && Object.hasOwnProperty.call(m, "token"))
                        w.uint32(66).string(m.token);
                    if (m.backends != null && m.backends.length) {
                        for (var i = 0; i < m.backends.length; ++i)
                            w.uint32(74).string(m.backends[i]);
                    }
                    return w;
                };

                /**
                 * Decodes a ControlResponse message from the specified reader or buffer.
                 * @function decode
                 * @memberof vexfs.bridge.v1.ControlResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {vexfs.bridge.v1.ControlResponse} ControlResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ControlResponse.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.vexfs.bridge.v1.ControlResponse();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.id = r.uint32();
                                break;
                            }
                        case 2: {
                                m.errno = r.uint32();
                                break;
                            }
                        case 3: {
                                m.error = r.string();
                                break;
                            }
                        case 4: {
                                if (!(m.services && m.services.length))
                                    m.services = [];
                                m.services.push($root.vexfs.bridge.v1.ServiceInfo.decode(r, r.uint32(), undefined, n + 1));
                                break;
                            }
                        case 5: {
                                m.stats = $root.vexfs.bridge.v1.DaemonStats.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 6: {
                                m.embed = $root.vexfs.bridge.v1.EmbedOutcome.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 7: {
                                if (!(m.tokens && m.tokens.length))
                                    m.tokens = [];
                                m.tokens.push($root.vexfs.bridge.v1.TokenInfo.decode(r, r.uint32(), undefined, n + 1));
                                break;
                            }
                        case 8: {
                                m.token = r.string();
                                break;
                            }
                        case 9: {
                                if (!(m.backends && m.backends.length))
                                    m.backends = [];
                                m.backends.push(r.string());
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a ControlResponse message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof vexfs.bridge.v1.ControlResponse
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {vexfs.bridge.v1.ControlResponse} ControlResponse
                 */
                ControlResponse.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.vexfs.bridge.v1.ControlResponse)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".vexfs.bridge.v1.ControlResponse: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.vexfs.bridge.v1.ControlResponse();
                    if (d.id != null) {
                        m.id = d.id >>> 0;
                    }
                    if (d.errno != null) {
                        m.errno = d.errno >>> 0;
                    }
                    if (d.error != null) {
                        m.error = String(d.error);
                    }
                    if (d.services) {
                        if (!Array.isArray(d.services))
                            throw TypeError(".vexfs.bridge.v1.ControlResponse.services: array expected");
                        m.services = [];
                        for (var i = 0; i < d.services.length; ++i) {
                            if (!$util.isObject(d.services[i]))
                                throw TypeError(".vexfs.bridge.v1.ControlResponse.services: object expected");
                            m.services[i] = $root.vexfs.bridge.v1.ServiceInfo.fromObject(d.services[i], n + 1);
                        }
                    }
                    if (d.stats != null) {
                        if (!$util.isObject(d.stats))
                            throw TypeError(".vexfs.bridge.v1.ControlResponse.stats: object expected");
                        m.stats = $root.vexfs.bridge.v1.DaemonStats.fromObject(d.stats, n + 1);
                    }
                    if (d.embed != null) {
                        if (!$util.isObject(d.embed))
                            throw TypeError(".vexfs.bridge.v1.ControlResponse.embed: object expected");
                        m.embed = $root.vexfs.bridge.v1.EmbedOutcome.fromObject(d.embed, n + 1);
                    }
                    if (d.tokens) {
                        if (!Array.isArray(d.tokens))
                            throw TypeError(".vexfs.bridge.v1.ControlResponse.tokens: array expected");
                        m.tokens = [];
                        for (var i = 0; i < d.tokens.length; ++i) {
                            if (!$util.isObject(d.tokens[i]))
                                throw TypeError(".vexfs.bridge.v1.ControlResponse.tokens: object expected");
                            m.tokens[i] = $root.vexfs.bridge.v1.TokenInfo.fromObject(d.tokens[i], n + 1);
                        }
                    }
                    if (d.token != null) {
                        m.token = String(d.token);
                    }
                    if (d.backends) {
                        if (!Array.isArray(d.backends))
                            throw TypeError(".vexfs.bridge.v1.ControlResponse.backends: array expected");
                        m.backends = [];
                        for (var i = 0; i < d.backends.length; ++i) {
                            m.backends[i] = String(d.backends[i]);
                        }
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a ControlResponse message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof vexfs.bridge.v1.ControlResponse
                 * @static
                 * @param {vexfs.bridge.v1.ControlResponse} m ControlResponse
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ControlResponse.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.services = [];
                        d.tokens = [];
                        d.backends = [];
                    }
                    if (o.defaults) {
                        d.id = 0;
                        d.errno = 0;
                        d.error = "";
                        d.stats = null;
                        d.embed = null;
                        d.token = "";
                    }
                    if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                        d.id = m.id;
                    }
                    if (m.errno != null && Object.hasOwnProperty.call(m, "errno")) {
                        d.errno = m.errno;
                    }
                    if (m.error != null && Object.hasOwnProperty.call(m, "error")) {
                        d.error = m.error;
                    }
                    if (m.services && m.services.length) {
                        d.services = [];
                        for (var j = 0; j < m.services.length; ++j) {
                            d.services[j] = $root.vexfs.bridge.v1.ServiceInfo.toObject(m.services[j], o, q + 1);
                        }
                    }
                    if (m.stats != null && Object.hasOwnProperty.call(m, "stats")) {
                        d.stats = $root.vexfs.bridge.v1.DaemonStats.toObject(m.stats, o, q + 1);
                    }
                    if (m.embed != null && Object.hasOwnProperty.call(m, "embed")) {
                        d.embed = $root.vexfs.bridge.v1.EmbedOutcome.toObject(m.embed, o, q + 1);
                    }
                    if (m.tokens && m.tokens.length) {
                        d.tokens = [];
                        for (var j = 0; j < m.tokens.length; ++j) {
                            d.tokens[j] = $root.vexfs.bridge.v1.TokenInfo.toObject(m.tokens[j], o, q + 1);
                        }
                    }
                    if (m.token != null && Object.hasOwnProperty.call(m, "token")) {
                        d.token = m.token;
                    }
                    if (m.backends && m.backends.length) {
                        d.backends = [];
                        for (var j = 0; j < m.backends.length; ++j) {
                            d.backends[j] = m.backends[j];
                        }
                    }
                    return d;
                };

                /**
                 * Converts this ControlResponse to JSON.
                 * @function toJSON
                 * @memberof vexfs.bridge.v1.ControlResponse
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ControlResponse.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for ControlResponse
                 * @function getTypeUrl
                 * @memberof vexfs.bridge.v1.ControlResponse
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                ControlResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/vexfs.bridge.v1.ControlResponse";
                };

                return ControlResponse;
            })();

            return v1;
        })();

        return bridge;
    })();

    return vexfs;
})();

export { $root as default };
