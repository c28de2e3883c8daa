/** The service classes there are (one until QoS arrive with billing). */
export const QOS = ["normal"];
